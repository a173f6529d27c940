package io.github.camelomics.aws2.omics.internal.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

/**
 * A sequencing run's files, as the S3 URIs a folder listing gives, turned into import sources by their names: the file
 * type from the extension, read pairs and the sample from the naming schemes in real use.
 * <ul>
 * <li>Illumina BCL Convert and bcl2fastq: {@code <sample>_S<n>[_L<lane>]_R1_001.fastq.gz}; the sample is the name before
 * {@code _S<n>}, and each lane is its own source of that sample;</li>
 * <li>{@code _R1}/{@code _R2}, {@code .R1}/{@code .R2}, and the ENA/SRA {@code _1}/{@code _2} (also {@code .1}/{@code .2})
 * just before the extension; the sample is what precedes them;</li>
 * <li>a FASTQ name with none of these is a single-end source of its own (ENA's {@code SRR1234567.fastq.gz}, also the
 * unpaired reads it ships beside {@code _1}/{@code _2});</li>
 * <li>{@code .bam} (BAM, or UBAM when told) and {@code .cram}: one source each, the sample the name before its first dot
 * (1000 Genomes: {@code HG00096.mapped.ILLUMINA.bwa.GBR.low_coverage.20120522.bam}).</li>
 * </ul>
 * Skipped, and named in one log line: index reads ({@code _I1}, {@code _I2}), index files ({@code .bai}, {@code .crai},
 * {@code .csi}), checksums ({@code .md5}), {@code Undetermined_*} and folder keys (ending in {@code /}).
 * <p>
 * A list is a paired run when any file is a read 2: then every read 1 needs its read 2 (a lost mate is an error, not a
 * single-end source). Names are matched without regard to case; the token that marks the read is the last one, so a
 * sample name may itself contain {@code _R1} or {@code _1}. Sources come sorted by file name (folder included), so the
 * same files in any order make the same request, and the same content client token.
 */
final class RunFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RunFiles.class);
    private static final String S3 = "s3://";

    private static final Pattern FASTQ = Pattern.compile("(?i)\\.(?:fastq|fq)(?:\\.gz)?$");
    private static final Pattern BAM = Pattern.compile("(?i)\\.bam$");
    private static final Pattern CRAM = Pattern.compile("(?i)\\.cram$");
    private static final Pattern INDEX_FILE = Pattern.compile("(?i)\\.(?:bai|crai|csi)$");
    private static final Pattern CHECKSUM = Pattern.compile("(?i)\\.md5$");
    private static final Pattern UNDETERMINED = Pattern.compile("(?i)^Undetermined_");
    /**
     * The read token is the last one of the name, optionally followed by the three-digit chunk Illumina adds; the
     * sample is the shortest prefix before an optional {@code _S<n>} and {@code _L<lane>}.
     */
    private static final Pattern READ = Pattern.compile(
            "(?i)^(?<sample>.+?)(?:_S\\d+)?(?:_L\\d{3})?(?<read>[._](?:R[12]|I[12]|[12]))(?:_\\d{3})?$");

    /** Where a file came from in the body: "line 3" of a text, "body[2]" of a list. */
    record Listed(String where, String uri) {

        /** The URI as problems and the log show it: control characters escaped, so that it cannot forge a line. */
        String shown() {
            return RequestValidator.escaped(uri);
        }
    }

    /** Why files were left out; the order is that of the log line. */
    private enum Skip {
        INDEX_READS("index reads"), INDEX_FILES("index files"), CHECKSUMS("checksums"), UNDETERMINED("undetermined"),
        FOLDERS("folders"), REPEATS("listed twice");

        private final String label;

        Skip(String label) {
            this.label = label;
        }
    }

    private RunFiles() {
    }

    /** Text is a file list when its first non-blank line is an S3 URI: a sample sheet starts with its header row. */
    static boolean looksLikeFileList(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                return text.startsWith(S3, i); // only the first line is looked at: a large sheet is not split for this
            }
        }
        return false;
    }

    /** A collection is a file list when it has items and every one is text. */
    static boolean isFileList(Collection<?> items) {
        return !items.isEmpty() && items.stream().allMatch(item -> item instanceof CharSequence);
    }

    static List<Listed> lines(String text) {
        List<Listed> files = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripByteOrderMark(lines[i]).trim();
            if (!line.isEmpty()) {
                files.add(new Listed("line " + (i + 1), line));
            }
        }
        return files;
    }

    static List<Listed> items(Collection<?> items) {
        List<Listed> files = new ArrayList<>(items.size());
        int i = 0;
        for (Object item : items) {
            files.add(new Listed("body[" + i++ + "]", item.toString().trim()));
        }
        return files;
    }

    /**
     * The sources the files make, sorted by name; problems name each file that cannot be typed or paired, and then no
     * source is returned.
     *
     * @param bamFileType BAM or UBAM: what a {@code .bam} file is
     * @param subjectId   the subject of every source; null: each sample is its own subject
     */
    static List<StartReadSetImportJobSourceItem> sources(List<Listed> files, FileType bamFileType, String subjectId,
                                                         List<String> problems) {
        int before = problems.size();
        Map<Skip, List<String>> skipped = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Pair> pairs = new TreeMap<>();
        List<Source> made = new ArrayList<>();
        for (Listed file : files) {
            if (!file.uri().startsWith(S3)) {
                problems.add(file.where() + ": expected an s3:// URI (a file list has one per line), got '"
                             + RequestValidator.printable(file.uri()) + "'");
                continue;
            }
            if (!seen.add(file.uri())) {
                skip(skipped, Skip.REPEATS, RequestValidator.escaped(file.uri()));
                continue;
            }
            String name = file.uri().substring(file.uri().lastIndexOf('/') + 1);
            Skip skip = skipOf(file.uri(), name);
            if (skip != null) {
                skip(skipped, skip, RequestValidator.escaped(name));
            } else if (BAM.matcher(name).find() || CRAM.matcher(name).find()) {
                String stem = name.substring(0, name.lastIndexOf('.'));
                FileType type = CRAM.matcher(name).find() ? FileType.CRAM : bamFileType;
                int dot = stem.indexOf('.');
                made.add(new Source(dot > 0 ? stem.substring(0, dot) : stem, stem, type, file, null));
            } else if (!fastq(file, name, pairs, made, skipped)) {
                problems.add(file.where() + ": " + file.shown() + ": cannot tell the file type from the name: expected "
                             + ".fastq or .fq (optionally .gz), .bam or .cram, or a file that is skipped (.bai, .crai, "
                             + ".csi, .md5, index reads _I1/_I2, Undetermined_*); leave it out of the list");
            }
        }
        boolean paired = pairs.values().stream().anyMatch(pair -> !pair.read2.isEmpty());
        pairs.values().forEach(pair -> pair.source(paired, problems).ifPresent(made::add));
        if (problems.size() > before) {
            return List.of();
        }
        List<StartReadSetImportJobSourceItem> sources = made.stream()
                .sorted(Comparator.comparing(Source::key))
                .map(s -> s.item(subjectId))
                .toList();
        if (!skipped.isEmpty()) {
            StringBuilder line = new StringBuilder();
            skipped.forEach((why, names) -> line.append(line.isEmpty() ? "" : "; ").append(why.label).append(' ')
                    .append(names));
            LOG.info("File list of {} files: {} sources; skipped {}", files.size(), sources.size(), line);
        }
        return sources;
    }

    private static Skip skipOf(String uri, String name) {
        if (uri.endsWith("/")) {
            return Skip.FOLDERS;
        }
        if (INDEX_FILE.matcher(name).find()) {
            return Skip.INDEX_FILES;
        }
        if (CHECKSUM.matcher(name).find()) {
            return Skip.CHECKSUMS;
        }
        if (UNDETERMINED.matcher(name).find()) {
            return Skip.UNDETERMINED;
        }
        return null;
    }

    private static void skip(Map<Skip, List<String>> skipped, Skip why, String name) {
        skipped.computeIfAbsent(why, k -> new ArrayList<>()).add(name);
    }

    /**
     * A FASTQ file: one end of a pair when its name carries a read token, else a single-end source of its own; an index
     * read is skipped.
     *
     * @return false when the name is not that of a FASTQ file
     */
    private static boolean fastq(Listed file, String name, Map<String, Pair> pairs, List<Source> made,
                                 Map<Skip, List<String>> skipped) {
        Matcher extension = FASTQ.matcher(name);
        if (!extension.find()) {
            return false;
        }
        String stem = name.substring(0, extension.start());
        Matcher read = READ.matcher(stem);
        if (!read.matches()) {
            made.add(new Source(stem, stem, FileType.FASTQ, file, null));
            return true;
        }
        String token = read.group("read").substring(1).toUpperCase(Locale.ROOT);
        if (token.startsWith("I")) {
            skip(skipped, Skip.INDEX_READS, RequestValidator.escaped(name));
            return true;
        }
        String folder = file.uri().substring(0, file.uri().lastIndexOf('/') + 1);
        String readSetName = stem.substring(0, read.start("read")) + stem.substring(read.end("read"));
        // the mates differ only in the read token: the rest of the name, folder included, is what pairs them
        Pair pair = pairs.computeIfAbsent(folder + readSetName, k -> new Pair(read.group("sample"), readSetName));
        (token.endsWith("1") ? pair.read1 : pair.read2).add(file);
        return true;
    }

    /** The files of one read pair key, and what they make. */
    private static final class Pair {
        final String sample;
        final String name;
        final List<Listed> read1 = new ArrayList<>();
        final List<Listed> read2 = new ArrayList<>();

        Pair(String sample, String name) {
            this.sample = sample;
            this.name = name;
        }

        Optional<Source> source(boolean pairedRun, List<String> problems) {
            if (read1.size() > 1 || read2.size() > 1) {
                List<Listed> twice = read1.size() > 1 ? read1 : read2;
                problems.add(twice.get(0).where() + ": " + twice.stream().map(Listed::shown).toList()
                             + ": the same read of one pair in " + twice.size() + " files; list one of them");
                return Optional.empty();
            }
            if (read1.isEmpty()) {
                problems.add(read2.get(0).where() + ": " + read2.get(0).shown() + ": read 2 without its read 1 (a file "
                             + "named like it with R1 or 1 in place of R2 or 2); add it to the list, or leave this out");
                return Optional.empty();
            }
            if (read2.isEmpty() && pairedRun) {
                problems.add(read1.get(0).where() + ": " + read1.get(0).shown() + ": read 1 without its read 2, in a list "
                             + "of paired reads; add the mate, or import single-end files in a list of their own");
                return Optional.empty();
            }
            return Optional.of(new Source(sample, name, FileType.FASTQ, read1.get(0),
                    read2.isEmpty() ? null : read2.get(0)));
        }
    }

    /** One source: its sample, read set name, type and files; sorted by the first file's URI. */
    private record Source(String sample, String name, FileType type, Listed file1, Listed file2) {

        String key() {
            return file1.uri();
        }

        StartReadSetImportJobSourceItem item(String subjectId) {
            return StartReadSetImportJobSourceItem.builder()
                    .sourceFiles(SourceFiles.builder().source1(file1.uri()).source2(file2 == null ? null : file2.uri())
                            .build())
                    .sourceFileType(type)
                    .sampleId(sample)
                    .subjectId(subjectId != null ? subjectId : sample)
                    .name(name)
                    .build();
        }
    }

    private static String stripByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
