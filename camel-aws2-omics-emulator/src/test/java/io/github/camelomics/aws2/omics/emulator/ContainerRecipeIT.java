package io.github.camelomics.aws2.omics.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfile cannot be built here (no Docker engine), so its contract with the build is checked instead: it
 * copies the jar the build makes, runs the file it copied, and its command line is one the emulator accepts,
 * listening on every address at the port it exposes. Runs after packaging, when the jar exists.
 */
class ContainerRecipeIT {

    private static final Path DOCKERFILE = Path.of(System.getProperty("emulator.dockerfile", "Dockerfile"));
    private static final Path JAR = Path.of(System.getProperty("emulator.jar", "target/camel-aws2-omics-emulator-standalone.jar"));

    private static Matcher instruction(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(matcher.find(), "no " + regex + " in " + DOCKERFILE);
        return matcher;
    }

    @Test
    void theDockerfileCopiesTheStandaloneJarAndRunsItWithOptionsTheEmulatorAccepts() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);

        Matcher copy = instruction(dockerfile, "^COPY (\\S+) (\\S+)$");
        List<String> entrypoint = List.of(new ObjectMapper().readValue(
                instruction(dockerfile, "^ENTRYPOINT (\\[.*])$").group(1), String[].class));
        String exposed = instruction(dockerfile, "^EXPOSE (\\d+)$").group(1);

        Path copied = DOCKERFILE.getParent().resolve(copy.group(1));
        assertEquals(JAR.toAbsolutePath().normalize(), copied.toAbsolutePath().normalize(), "COPY takes the jar the build makes");
        assertTrue(Files.isRegularFile(copied), copied + " exists after packaging");
        assertEquals(List.of("java", "-jar", copy.group(2)), entrypoint.subList(0, 3), "ENTRYPOINT runs the copied jar");
        List<String> options = entrypoint.subList(3, entrypoint.size());
        assertEquals("0.0.0.0", options.get(options.indexOf("--host") + 1), "reachable from outside the container");
        assertEquals(exposed, options.get(options.indexOf("--port") + 1), "listens on the exposed port");
        try (OmicsEmulator emulator = OmicsEmulatorMain.parse(options.toArray(String[]::new)).build()) {
            assertEquals(Path.of("/data"), emulator.dataDir());
        }
    }
}
