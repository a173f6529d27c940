package io.github.camelomics.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the HealthOmics emulator in this JVM when omics.emulator.enabled is true (the default), puts the sample's two
 * files into its local S3, and publishes its address as omics.emulator.endpoint, which application.properties hands
 * to the component. An initializer rather than a bean: the emulator's port is known only once it listens, and it
 * must be in the environment before the camel.component.aws2-omics.* properties are bound. It stops with the context.
 */
public class EmbeddedEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    static final String ENDPOINT = "omics.emulator.endpoint";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("omics.emulator.enabled", Boolean.class, true)) {
            return;
        }
        OmicsEmulator emulator = OmicsEmulator.builder()
                .port(env.getProperty("omics.emulator.port", Integer.class, 0))
                .credentials(env.getRequiredProperty("omics.emulator.access-key"),
                        env.getRequiredProperty("omics.emulator.secret-key"))
                .sequenceStoreIds(env.getRequiredProperty("camel.component.aws2-omics.sequence-store-id"))
                .region(env.getRequiredProperty("camel.component.aws2-omics.region"))
                .submittedDuration(duration(env, "omics.emulator.submitted-duration"))
                .importDuration(duration(env, "omics.emulator.import-duration"))
                .build()
                .start();
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerSingleton("omicsEmulator", emulator);
            registry.registerDisposableBean("omicsEmulator", emulator::close);
        }
        stage(emulator, env.getRequiredProperty("example.source1"), "samples/NA12878_R1.fastq.gz");
        stage(emulator, env.getRequiredProperty("example.source2"), "samples/NA12878_R2.fastq.gz");
        env.getPropertySources().addFirst(new MapPropertySource("omicsEmulator", Map.of(ENDPOINT, emulator.endpoint().toString())));
        LOG.info("HealthOmics emulator running at {} (sequence store {})", emulator.endpoint(), emulator.sequenceStoreId());
    }

    private static Duration duration(ConfigurableEnvironment env, String key) {
        return DurationStyle.detectAndParse(env.getRequiredProperty(key));
    }

    private static void stage(OmicsEmulator emulator, String s3Uri, String resource) {
        try (InputStream in = EmbeddedEmulator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            emulator.s3().put(s3Uri, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
