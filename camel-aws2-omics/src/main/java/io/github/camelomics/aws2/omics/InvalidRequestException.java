package io.github.camelomics.aws2.omics;

import java.util.List;

/**
 * A request that cannot be sent as given: a missing required value, a value of the wrong type, an unreadable body. It
 * is thrown before anything leaves the process and lists every problem found, each naming the field (with its source
 * index), what was expected and what was received.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private final Omics2Operations operation;
    private final List<String> problems;

    public InvalidRequestException(Omics2Operations operation, List<String> problems) {
        super(message(operation, problems));
        this.operation = operation;
        this.problems = List.copyOf(problems);
    }

    public Omics2Operations getOperation() {
        return operation;
    }

    /** One line per problem, each starting with the member path, e.g. {@code sources[3].sampleId: ...}. */
    public List<String> getProblems() {
        return problems;
    }

    private static String message(Omics2Operations operation, List<String> problems) {
        StringBuilder sb = new StringBuilder("aws2-omics:").append(operation).append(": invalid request, nothing was sent (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        problems.forEach(p -> sb.append("\n - ").append(p));
        return sb.toString();
    }
}
