package io.github.camelomics.aws2.omics.internal.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.WaitTimer;
import io.github.camelomics.aws2.omics.internal.job.JobWatches;

/**
 * What a call needs to wait for jobs without holding a thread: the component's watches, the clock, whether
 * waiting is still wanted (false once the route or Camel stops), and how the exchange goes on once answered.
 *
 * @param completions where the answer is put on the message and the exchange resumed, so that the rest of the route
 *                    does not run on, and hold up, the watch that polls for every wait
 * @param resume      lets the exchange go on, failed with the given exception, or not when it is null
 */
public record Waiting(JobWatches watches, WaitTimer timer, BooleanSupplier keepWaiting, Executor completions,
                      Consumer<RuntimeException> resume) {

    /** What to do with the result of a wait. */
    @FunctionalInterface
    interface Answer<T> {
        /** @return true when the message is answered; false when it waits again (a retry), to be answered then */
        boolean answer(T result);
    }

    /** Once the wait is over, answers on a thread of the completions, then resumes the exchange once answered. */
    <T> void answerWhenOver(CompletableFuture<T> wait, Answer<T> answer) {
        wait.whenCompleteAsync((result, error) -> {
            RuntimeException failure = null;
            boolean answered = true;
            try {
                if (error != null) {
                    throw unwrap(error);
                }
                answered = answer.answer(result);
            } catch (RuntimeException e) {
                failure = e;
            }
            if (answered) {
                resume.accept(failure);
            }
        }, completions);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException e ? e : new IllegalStateException(cause);
    }
}
