package io.github.camelomics.aws2.omics.emulator.s3;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/** A file kept in pieces (one file, or the parts of an upload), read as one. */
final class Pieces {

    private Pieces() {
    }

    /** The pieces in order, each opened only when the one before has been read. */
    static InputStream open(List<Path> pieces) {
        Iterator<Path> next = pieces.iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return new BufferedInputStream(Files.newInputStream(next.next()), 65_536);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
