package io.github.camelomics.aws2.omics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the reliability table when the test plan ends, in the surefire execution that sets
 * {@code -Dreliability.summary=true} (its output goes to the Maven console, not to report files).
 */
public class ReliabilitySummaryListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!Boolean.getBoolean("reliability.summary")) {
            return;
        }
        StringBuilder table = new StringBuilder("\n===== aws2-omics reliability summary =====\n")
                .append(ReliabilityReport.HEADER).append('\n')
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        try {
            ReliabilityReport.rows().forEach(r -> table.append(r).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(table.append("==========================================="));
    }
}
