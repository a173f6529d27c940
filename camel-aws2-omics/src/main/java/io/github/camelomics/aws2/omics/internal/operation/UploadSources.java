package io.github.camelomics.aws2.omics.internal.operation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import io.github.camelomics.aws2.omics.internal.upload.UploadFile;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import org.apache.camel.WrappedFile;

import static io.github.camelomics.aws2.omics.Omics2Constants.UPLOAD_SOURCE1;
import static io.github.camelomics.aws2.omics.Omics2Constants.UPLOAD_SOURCE2;

/**
 * The files of one upload: the first from header UploadSource1 or the body (a File, a Path, or the file of Camel's
 * file component), the second of a paired FASTQ from header UploadSource2. Each must be a readable, non-empty regular
 * file, cut in at most 10000 parts; every problem is reported, none thrown, so that one exception names them all,
 * with those of the read set's fields, before anything is sent.
 */
final class UploadSources {


    private UploadSources() {
    }

    /**
     * @return the files, SOURCE1 first; empty when any problem was found
     */
    static List<UploadFile> of(RequestValues in, String sourceFileType, long partSize) {
        int problems = in.problems().size();
        List<UploadFile> files = new ArrayList<>();
        Path first = in.has(UPLOAD_SOURCE1) ? path(in, "header " + UPLOAD_SOURCE1, in.header(UPLOAD_SOURCE1))
                : path(in, "body", in.body());
        file(in, "SOURCE1", first, in.has(UPLOAD_SOURCE1) ? "header " + UPLOAD_SOURCE1 : "body", partSize, files);
        if (in.has(UPLOAD_SOURCE2)) {
            String where = "header " + UPLOAD_SOURCE2;
            if (sourceFileType != null && !ReadSetRules.allowsSecondFile(sourceFileType)) {
                in.problem(where + ": a second file is only for a paired FASTQ, not for sourceFileType "
                           + sourceFileType + ", got " + in.header(UPLOAD_SOURCE2));
            } else {
                file(in, "SOURCE2", path(in, where, in.header(UPLOAD_SOURCE2)), where, partSize, files);
            }
        }
        if (files.size() == 2 && files.get(0).path().equals(files.get(1).path())) {
            in.problem("header " + UPLOAD_SOURCE2 + ": must be another file than the first, got " + files.get(1).path());
        }
        return in.problems().size() > problems ? List.of() : files;
    }

    private static Path path(RequestValues in, String where, Object value) {
        Object file = value instanceof WrappedFile<?> wrapped ? wrapped.getFile() : value;
        try {
            if (file instanceof File f) {
                return f.toPath();
            }
            if (file instanceof Path p) {
                return p;
            }
            if (file instanceof CharSequence text && where.startsWith("header")) {
                return Path.of(text.toString());
            }
        } catch (InvalidPathException e) {
            in.problem(where + ": expected a file path, got '" + RequestValues.printable(value.toString()) + "'");
            return null;
        }
        in.problem(where + ": expected the file to upload (a java.io.File, a java.nio.file.Path or a file from Camel's "
                   + "file component" + (where.startsWith("header") ? ", or its path as text" : "") + "), got "
                   + (value == null ? "none" : "a " + value.getClass().getName()));
        return null;
    }

    private static void file(RequestValues in, String partSource, Path path, String where, long partSize,
                             List<UploadFile> files) {
        if (path == null) {
            return;
        }
        if (!Files.isRegularFile(path)) {
            in.problem(where + ": expected a file to upload, got " + path + " (" + (Files.exists(path) ? "not a file"
                    : "no such file") + ")");
            return;
        }
        if (!Files.isReadable(path)) {
            in.problem(where + ": expected a readable file, got " + path + " (not readable)");
            return;
        }
        try {
            UploadFile file = UploadFile.of(partSource, path);
            if (file.size() == 0) {
                in.problem(where + ": expected a file with content, got " + path + " (empty)");
                return;
            }
            if (partSize > 0 && file.partCount(partSize) > ReadSetRules.MAX_PARTS) {
                in.problem(where + ": a file is cut in at most " + ReadSetRules.MAX_PARTS + " parts, got "
                           + file.partCount(partSize)
                           + " parts of " + partSize + " bytes for " + path + " (" + file.size()
                           + " bytes): raise partSize");
                return;
            }
            files.add(file);
        } catch (IOException e) {
            in.problem(where + ": expected a readable file, got " + path + " (" + e.getMessage() + ")");
        }
    }
}
