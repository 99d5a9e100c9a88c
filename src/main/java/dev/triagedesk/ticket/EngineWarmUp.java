package dev.triagedesk.ticket;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.system.ReadableSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is ready, reads a made-up HAR a few times on a background thread ({@link EvidenceEngine#warmUp}),
 * so the first reporters after a start do not wait for the JIT: a fresh server took 11 s for a 232 MB upload that
 * took 4 s once warm. About 15 MB read up to 20 times, seconds of one core. {@code triage.engine.warm-up=false}
 * turns it off (the tests do, as each starts servers of its own).
 */
@Component
@ConditionalOnBooleanProperty(name = "triage.engine.warm-up", matchIfMissing = true)
class EngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(EngineWarmUp.class);
    private static final int MAX_PASSES = 20;

    private final EvidenceEngine engine;
    private final TemporaryFiles temporary;

    EngineWarmUp(EvidenceEngine engine, TemporaryFiles temporary) {
        this.engine = engine;
        this.temporary = temporary;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(() -> run(MAX_PASSES), "triage-engine-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Returns the passes made; never throws, as a failed warm-up only leaves the JIT to warm up on real uploads. */
    int run(int maxPasses) {
        long started = System.nanoTime();
        Path scratch = null;
        try {
            scratch = temporary.create("warm-up-", ".har");
            int passes = engine.warmUp(scratch, maxPasses);
            log.info("Evidence engine warmed up: a made-up HAR of {} read {} time(s) in {} ms",
                    ReadableSize.of(Files.size(scratch)), passes, (System.nanoTime() - started) / 1_000_000);
            return passes;
        } catch (IOException | RuntimeException e) {
            log.warn("Evidence engine warm-up stopped: {}", e.toString());
            return 0;
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // left in the application's temporary folder, which housekeeping empties
                }
            }
        }
    }
}
