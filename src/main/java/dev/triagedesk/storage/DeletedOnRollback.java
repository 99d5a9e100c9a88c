package dev.triagedesk.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Deletes a file written inside a transaction when that transaction certainly rolled back. */
public final class DeletedOnRollback {

    private static final Logger log = LoggerFactory.getLogger(DeletedOnRollback.class);

    private DeletedOnRollback() {
    }

    public static void register(EvidenceStorage storage, String location) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // registered with the transaction writing now (a nested one has synchronizations of its own)
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // only a certain rollback: after an unknown outcome the rows may well name this file
                if (status == STATUS_ROLLED_BACK) {
                    try {
                        storage.delete(location);
                    } catch (RuntimeException e) {
                        log.warn("Could not delete {}, written by a transaction that rolled back: {}", location,
                                e.toString());
                    }
                }
            }
        });
    }
}
