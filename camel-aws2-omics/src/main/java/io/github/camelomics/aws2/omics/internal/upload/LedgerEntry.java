package io.github.camelomics.aws2.omics.internal.upload;

import java.util.Optional;

import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadLedger.Key;
import io.github.camelomics.aws2.omics.UploadLedger.Upload;

/** What the ledger keeps of one upload, under the key of its files: every step records there, under the same key. */
record LedgerEntry(UploadLedger ledger, Key key) {

    Optional<Upload> find() {
        return ledger.find(key);
    }

    void save(Upload upload) {
        ledger.save(key, upload);
    }

    void forget() {
        ledger.remove(key);
    }

    /** The first file, as the log names the upload. */
    String source1() {
        return key.source1();
    }
}
