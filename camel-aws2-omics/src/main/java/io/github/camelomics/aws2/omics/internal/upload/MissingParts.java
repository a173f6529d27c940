package io.github.camelomics.aws2.omics.internal.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelomics.aws2.omics.UploadLedger.Part;

/**
 * The parts an upload has still to send, counting the files' parts one after the other.
 *
 * @param parts           those no earlier attempt had confirmed, in order
 * @param resumedFromPart the first of them; 0 when none is missing
 * @param total           the parts of all the files
 */
record MissingParts(List<PartToSend> parts, int resumedFromPart, int total) {

    static MissingParts of(List<UploadFile> files, long partSize, List<Part> confirmed) {
        Set<String> done = confirmed.stream().map(p -> p.partSource() + "/" + p.partNumber()).collect(Collectors.toSet());
        List<PartToSend> missing = new ArrayList<>();
        int ordinal = 0;
        int resumedFromPart = 0;
        for (UploadFile file : files) {
            for (int n = 1; n <= file.partCount(partSize); n++) {
                ordinal++;
                if (!done.contains(file.partSource() + "/" + n)) {
                    missing.add(new PartToSend(file, n));
                    resumedFromPart = resumedFromPart == 0 ? ordinal : resumedFromPart;
                }
            }
        }
        return new MissingParts(List.copyOf(missing), resumedFromPart, ordinal);
    }

    /** The first part this attempt sends; one past the last when only Complete was left (a crash just before it). */
    int firstSent() {
        return parts.isEmpty() ? total + 1 : resumedFromPart;
    }

    record PartToSend(UploadFile file, int number) {
    }
}
