package io.github.camelomics.aws2.omics.internal.upload;

/** A file changed while its parts were being sent: its upload is aborted, whatever the options say. */
final class FileChangedException extends IllegalStateException {

    FileChangedException(String message) {
        super(message);
    }
}
