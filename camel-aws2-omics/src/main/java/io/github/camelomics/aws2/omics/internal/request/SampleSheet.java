package io.github.camelomics.aws2.omics.internal.request;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.camelomics.aws2.omics.Omics2Constants;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

/**
 * Reads a sample sheet (CSV with a header row) into import sources. The header row says which of two forms it is:
 * <ul>
 * <li><b>API form</b>: columns named exactly like the API fields ({@code sampleId, subjectId, sourceFileType, source1,
 * source2, referenceArn, name, description, generatedFrom}), in any order, plus {@code tag:<key>} columns whose
 * non-empty cells become tags. An empty cell means "not given".</li>
 * <li><b>nf-core form</b>: the samplesheet of nf-core/rnaseq, nf-core/sarek and friends ({@code sample, fastq_1,
 * fastq_2}); each row is one FASTQ source, so the lanes of one sample stay separate sources. The subject id comes from
 * a {@code subject} column, else sarek's {@code patient} column, else the default (header
 * {@code CamelAwsOmicsSubjectId}). Other columns ({@code strandedness}, {@code lane}, ...) are ignored.</li>
 * </ul>
 * Column names are case-sensitive; a leading byte order mark and whitespace around names are accepted, because
 * spreadsheet exports add them. Unquoted cells are trimmed; quoted cells are kept as written. Blank lines and rows
 * whose cells are all empty (trailing rows of a spreadsheet export) are skipped. Line numbers are those of the text,
 * so they match what an editor shows.
 * <p>
 * Values are only mapped, not checked against the service model: that is the validator's job, for every body form.
 * The rows are read one at a time by Jackson's CSV parser (a row is a list of cells; the header is interpreted here,
 * so that a row with too many cells can be reported with its count instead of being cut or failing the whole sheet).
 */
final class SampleSheet {

    /** Immutable and thread-safe; leaves the caller's reader open. */
    private static final ObjectReader ROWS = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.TRIM_SPACES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build()
            .readerForListOf(String.class)
            .with(CsvSchema.emptySchema());

    private static final Map<String, BiConsumer<Source, String>> API_COLUMNS = apiColumns();
    private static final String TAG_PREFIX = "tag:";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SampleSheet() {
    }

    /** True when the text looks like a sample sheet rather than JSON: its first non-blank character is not '[' or '{'. */
    static boolean looksLikeCsv(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != BYTE_ORDER_MARK && !Character.isWhitespace(c)) {
                return c != '[' && c != '{';
            }
        }
        return false; // blank: nothing to read as a sheet; the JSON reader reports it
    }

    /**
     * The sources the sheet describes, in row order. Problems are added to `problems` (never thrown), each naming
     * "line N" (1-based, the header row is line 1) and the column, what was expected and what was received;
     * rows with problems are left out of the result. When the header row has problems, or the text is not valid CSV,
     * reading stops there. The reader is not closed.
     *
     * @param defaultSubjectId used for rows with no subject column/value (nf-core sheets usually have none); may be null
     */
    static List<StartReadSetImportJobSourceItem> read(Reader csv, String defaultSubjectId, List<String> problems) {
        List<StartReadSetImportJobSourceItem> sources = new ArrayList<>();
        int line = 1;
        try (MappingIterator<List<String>> rows = ROWS.readValues(withoutByteOrderMark(csv))) {
            if (!rows.hasNextValue()) {
                problems.add(notASampleSheet(line, "nothing"));
                return sources;
            }
            int headerLine = lineOf(rows);
            List<String> header = rows.nextValue().stream().map(String::trim).toList();
            Form form = Form.of(headerLine, header, blankToNull(defaultSubjectId), problems);
            if (form == null) {
                return sources;
            }
            boolean anyRow = false;
            while (rows.hasNextValue()) {
                line = lineOf(rows);
                List<String> cells = rows.nextValue();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                anyRow = true;
                if (cells.size() > header.size()) {
                    problems.add("line " + line + ": " + cells.size() + " cells, but the header has " + header.size()
                                 + " columns");
                    continue;
                }
                StartReadSetImportJobSourceItem source = form.source(new Row(line, cells), problems);
                if (source != null) {
                    sources.add(source);
                }
            }
            if (!anyRow) {
                problems.add("line " + headerLine + ": the sample sheet has no rows");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "line " + line : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(where + ": expected CSV, but it does not parse: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add("line " + line + ": the sample sheet could not be read: " + e.getMessage());
        }
        return sources;
    }

    /** After hasNextValue() the parser stands at the start of the next row, past any blank lines. */
    private static int lineOf(MappingIterator<?> rows) {
        return rows.getCurrentLocation().getLineNr();
    }

    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        PushbackReader in = new PushbackReader(csv, 1);
        int first = in.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            in.unread(first);
        }
        return in;
    }

    private static String notASampleSheet(int line, String got) {
        return "line " + line + ": not a sample sheet: expected columns such as sampleId,subjectId,sourceFileType,source1"
               + " (API form) or sample,fastq_1,fastq_2 (nf-core form), got " + got;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, BiConsumer<Source, String>> apiColumns() {
        Map<String, BiConsumer<Source, String>> columns = new LinkedHashMap<>();
        columns.put("sampleId", (s, v) -> s.item.sampleId(v));
        columns.put("subjectId", (s, v) -> s.item.subjectId(v));
        columns.put("sourceFileType", (s, v) -> s.item.sourceFileType(v));
        columns.put("source1", (s, v) -> s.files().source1(v));
        columns.put("source2", (s, v) -> s.files().source2(v));
        columns.put("referenceArn", (s, v) -> s.item.referenceArn(v));
        columns.put("name", (s, v) -> s.item.name(v));
        columns.put("description", (s, v) -> s.item.description(v));
        columns.put("generatedFrom", (s, v) -> s.item.generatedFrom(v));
        return Collections.unmodifiableMap(columns);
    }

    /** One data row: its line in the text and its cells; a cell past the end of a short row is empty. */
    private record Row(int line, List<String> cells) {

        /** The cell's text, or null when it is empty, missing or the column is absent (index -1). */
        String cell(int column) {
            return column >= 0 && column < cells.size() && !cells.get(column).isEmpty() ? cells.get(column) : null;
        }
    }

    /** The source one row describes, filled column by column. */
    private static final class Source {
        final StartReadSetImportJobSourceItem.Builder item = StartReadSetImportJobSourceItem.builder();
        private SourceFiles.Builder files;
        private Map<String, String> tags;

        SourceFiles.Builder files() {
            if (files == null) {
                files = SourceFiles.builder();
            }
            return files;
        }

        void tag(String key, String value) {
            if (tags == null) {
                tags = new LinkedHashMap<>();
            }
            tags.put(key, value);
        }

        StartReadSetImportJobSourceItem build() {
            if (files != null) {
                item.sourceFiles(files.build());
            }
            if (tags != null) {
                item.tags(tags);
            }
            return item.build();
        }
    }

    /** How the rows of one header are read: chosen once from the header row. */
    private interface Form {

        /** The row's source, or null with problems added. */
        StartReadSetImportJobSourceItem source(Row row, List<String> problems);

        /** The form the header names, or null with problems added. */
        static Form of(int line, List<String> header, String defaultSubjectId, List<String> problems) {
            if (header.contains(NfCoreForm.SAMPLE) && header.contains(NfCoreForm.FASTQ_1)) {
                return NfCoreForm.of(line, header, defaultSubjectId, problems);
            }
            if (header.stream().anyMatch(name -> API_COLUMNS.containsKey(name) || name.startsWith(TAG_PREFIX))) {
                return ApiForm.of(line, header, problems);
            }
            problems.add(notASampleSheet(line, String.join(",", header)));
            return null;
        }

        /** Adds a problem for each of the given names that the header has more than once; true when there were none. */
        static boolean unique(int line, List<String> header, Iterable<String> names, List<String> problems) {
            boolean unique = true;
            for (String name : names) {
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).equals(name)) {
                        at.add(i + 1);
                    }
                }
                if (at.size() > 1) {
                    problems.add("line " + line + ", column \"" + name + "\": expected once, got it at columns " + at);
                    unique = false;
                }
            }
            return unique;
        }
    }

    /** Columns named like the API fields, and tag:<key> columns. */
    private record ApiForm(List<Column> columns) implements Form {

        private record Column(int index, BiConsumer<Source, String> setter) {
        }

        static ApiForm of(int line, List<String> header, List<String> problems) {
            String expected = "expected one of " + API_COLUMNS.keySet() + " or " + TAG_PREFIX + "<key>";
            int before = problems.size();
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name.isEmpty()) {
                    problems.add("line " + line + ", column " + (i + 1) + ": no column name, " + expected);
                } else if (name.startsWith(TAG_PREFIX)) {
                    String key = name.substring(TAG_PREFIX.length());
                    if (key.isEmpty()) {
                        problems.add("line " + line + ", column \"" + name + "\": expected a tag key after \""
                                     + TAG_PREFIX + "\", got none");
                    }
                    columns.add(new Column(i, (s, v) -> s.tag(key, v)));
                } else if (API_COLUMNS.containsKey(name)) {
                    columns.add(new Column(i, API_COLUMNS.get(name)));
                } else {
                    problems.add("line " + line + ", column \"" + name + "\": unknown column, " + expected);
                }
            }
            Form.unique(line, header, header.stream().filter(name -> !name.isEmpty()).distinct().toList(), problems);
            return problems.size() == before ? new ApiForm(List.copyOf(columns)) : null;
        }

        @Override
        public StartReadSetImportJobSourceItem source(Row row, List<String> problems) {
            Source source = new Source();
            for (Column column : columns) {
                String value = row.cell(column.index());
                if (value != null) {
                    column.setter().accept(source, value);
                }
            }
            return source.build();
        }
    }

    /** The nf-core samplesheet: one FASTQ source per row; columns it does not know are ignored. */
    private record NfCoreForm(int sample, int fastq1, int fastq2, int subject, String subjectColumn,
            String defaultSubjectId) implements Form {

        static final String SAMPLE = "sample";
        static final String FASTQ_1 = "fastq_1";
        static final String FASTQ_2 = "fastq_2";
        static final String SUBJECT = "subject";
        static final String PATIENT = "patient"; // nf-core/sarek

        static NfCoreForm of(int line, List<String> header, String defaultSubjectId, List<String> problems) {
            if (!Form.unique(line, header, List.of(SAMPLE, FASTQ_1, FASTQ_2, SUBJECT, PATIENT), problems)) {
                return null;
            }
            String subjectColumn = header.contains(SUBJECT) ? SUBJECT : header.contains(PATIENT) ? PATIENT : null;
            if (subjectColumn == null && defaultSubjectId == null) {
                problems.add("line " + line + ": expected a subject id for each row, from a " + SUBJECT + " (or "
                             + PATIENT + ") column or header " + Omics2Constants.SUBJECT_ID + ", got neither");
                return null;
            }
            return new NfCoreForm(header.indexOf(SAMPLE), header.indexOf(FASTQ_1), header.indexOf(FASTQ_2),
                    subjectColumn == null ? -1 : header.indexOf(subjectColumn), subjectColumn, defaultSubjectId);
        }

        @Override
        public StartReadSetImportJobSourceItem source(Row row, List<String> problems) {
            String subjectId = row.cell(subject) != null ? row.cell(subject) : defaultSubjectId;
            if (subjectId == null) {
                problems.add("line " + row.line() + ", column \"" + subjectColumn + "\": expected a subject id, or header "
                             + Omics2Constants.SUBJECT_ID + " for rows without one, got an empty cell");
                return null;
            }
            return StartReadSetImportJobSourceItem.builder()
                    .sampleId(row.cell(sample))
                    .subjectId(subjectId)
                    .sourceFileType(FileType.FASTQ)
                    .sourceFiles(SourceFiles.builder().source1(row.cell(fastq1)).source2(row.cell(fastq2)).build())
                    .build();
        }
    }
}
