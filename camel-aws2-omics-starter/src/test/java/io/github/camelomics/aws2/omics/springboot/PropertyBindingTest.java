package io.github.camelomics.aws2.omics.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.MemoryWatermarkStore;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.WatermarkStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.omics.OmicsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * Each component option, set as a Spring property, reaches the component: read back through the component's own
 * configurer, so the check does not depend on how the starter passes it on.
 */
class PropertyBindingTest {

    private static final OmicsClient CLIENT = mock(OmicsClient.class);
    private static final IdempotentRepository REPOSITORY = MemoryIdempotentRepository.memoryIdempotentRepository();
    private static final WatermarkStore WATERMARKS = new MemoryWatermarkStore();
    private static final Omics2Configuration CONFIGURATION = new Omics2Configuration();
    private static final DataSource DATA_SOURCE = mock(DataSource.class);
    private static final RequestBudget BUDGET = (line, maxWait) -> true;
    private static final StartLedger LEDGER = mock(StartLedger.class);
    private static final UploadLedger UPLOAD_LEDGER = mock(UploadLedger.class);
    private static final UploadProgressListener LISTENER = progress -> { };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, Omics2ComponentAutoConfiguration.class))
            .withBean("myOmicsClient", OmicsClient.class, () -> CLIENT)
            .withBean("myRepository", IdempotentRepository.class, () -> REPOSITORY)
            .withBean("myWatermarks", WatermarkStore.class, () -> WATERMARKS)
            .withBean("myConfiguration", Omics2Configuration.class, () -> CONFIGURATION)
            .withBean("myDataSource", DataSource.class, () -> DATA_SOURCE)
            .withBean("myBudget", RequestBudget.class, () -> BUDGET)
            .withBean("myLedger", StartLedger.class, () -> LEDGER)
            .withBean("myUploadLedger", UploadLedger.class, () -> UPLOAD_LEDGER)
            .withBean("myListener", UploadProgressListener.class, () -> LISTENER);

    @Test
    void everyOptionBindsFromItsKebabCaseKey() {
        assertEveryOptionBinds(ComponentOptions.Option::kebabKey);
    }

    @Test
    void everyOptionBindsFromItsCamelCaseKey() {
        assertEveryOptionBinds(ComponentOptions.Option::camelCaseKey);
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.withBean("other", OmicsClient.class, () -> mock(OmicsClient.class)).run(context -> {
            Omics2Configuration configuration = component(context).getConfiguration();

            assertNull(configuration.getRegion());
            assertEquals(30_000, configuration.getPollInterval());
            assertEquals(100, configuration.getMaxSourcesPerJob());
            assertTrue(configuration.isValidate());
            assertNull(configuration.getOmicsClient(), "two OmicsClient beans: none is autowired");
        });
    }

    @Test
    void theSingleOmicsClientBeanIsAutowired() {
        runner.run(context -> assertSame(CLIENT, component(context).getConfiguration().getOmicsClient()));
    }

    @Test
    void enabledFalseLeavesTheComponentUnconfigured() {
        runner.withPropertyValues(
                "camel.component.aws2-omics.enabled=false",
                "camel.component.aws2-omics.region=eu-west-1",
                "camel.component.aws2-omics.sequence-store-id=1234567890",
                "camel.component.aws2-omics.poll-interval=1s")
                .run(context -> {
                    assertTrue(context.getBeansOfType(Omics2ComponentProperties.class).isEmpty());
                    Omics2Configuration configuration = component(context).getConfiguration();
                    assertNull(configuration.getRegion());
                    assertNull(configuration.getSequenceStoreId());
                    assertEquals(30_000, configuration.getPollInterval());
                });
    }

    @Test
    void aTextThatIsNoBeanReferenceIsRefusedForAnObjectOption() {
        runner.withPropertyValues("camel.component.aws2-omics.idempotent-repository=myRepository").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the context must not start");
            assertTrue(rootMessages(failure).contains("expected a bean reference #bean:name for a "
                                                     + IdempotentRepository.class.getName() + ", got 'myRepository'"),
                    rootMessages(failure));
        });
    }

    private void assertEveryOptionBinds(Function<ComponentOptions.Option, String> key) {
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        for (ComponentOptions.Option option : ComponentOptions.all()) {
            Sample sample = sample(option);
            properties.add(key.apply(option) + "=" + sample.text());
            expected.put(option.name(), sample.value());
        }

        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            Omics2Component component = component(context);
            PropertyConfigurerGetter configurer = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            Map<String, String> differing = new LinkedHashMap<>();
            expected.forEach((name, value) -> {
                Object actual = configurer.getOptionValue(component, name, false);
                if (!sameValue(value, actual)) {
                    differing.put(name, "expected " + value + ", got " + actual);
                }
            });
            assertEquals(Map.of(), differing);
        });
    }

    /** A property value that differs from the option's default, and what the component should then hold. */
    private record Sample(String text, Object value) {
    }

    private static Sample sample(ComponentOptions.Option option) {
        JsonNode defaultValue = option.defaultValue();
        return switch (option.type()) {
            case "boolean" -> {
                boolean flipped = defaultValue == null || !defaultValue.asBoolean();
                yield new Sample(String.valueOf(flipped), flipped);
            }
            case "integer" -> new Sample("7", 7);
            case "number" -> new Sample("2.5", 2.5d);
            case "duration" -> new Sample("7s", 7_000L);
            case "enum" -> {
                String value = enumValueOtherThan(option);
                yield new Sample(value, value);
            }
            case "object" -> switch (option.name()) {
                case "configuration" -> new Sample("#bean:myConfiguration", CONFIGURATION);
                case "idempotentRepository" -> new Sample("#bean:myRepository", REPOSITORY);
                case "watermarkStore" -> new Sample("#bean:myWatermarks", WATERMARKS);
                case "omicsClient" -> new Sample("#myOmicsClient", CLIENT);
                case "dataSource" -> new Sample("#bean:myDataSource", DATA_SOURCE);
                case "requestBudget" -> new Sample("#bean:myBudget", BUDGET);
                case "startLedgerRepository" -> new Sample("#bean:myLedger", LEDGER);
                case "uploadLedger" -> new Sample("#bean:myUploadLedger", UPLOAD_LEDGER);
                case "progressListener" -> new Sample("#bean:myListener", LISTENER);
                default -> throw new IllegalStateException("no sample bean for object option " + option.name());
            };
            case "string" -> new Sample("sample-" + option.name(), "sample-" + option.name());
            default -> throw new IllegalStateException("no sample for type " + option.type() + " of " + option.name());
        };
    }

    private static String enumValueOtherThan(ComponentOptions.Option option) {
        String defaultValue = option.defaultValue() == null ? null : option.defaultValue().asText();
        for (JsonNode value : option.json().path("enum")) {
            if (!value.asText().equals(defaultValue)) {
                return value.asText();
            }
        }
        throw new IllegalStateException("enum option " + option.name() + " has no value besides its default");
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a && !(e instanceof Double) && !(a instanceof Double)) {
            return e.longValue() == a.longValue(); // an integer option may be int or long in the component
        }
        if (expected instanceof String && actual instanceof Enum<?> constant) {
            return constant.name().equals(expected);
        }
        if (expected instanceof String || expected instanceof Number || expected instanceof Boolean) {
            return expected.equals(actual);
        }
        return expected == actual;
    }

    private static Omics2Component component(ConfigurableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("aws2-omics", Omics2Component.class);
    }

    private static String rootMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
