package io.github.camelomics.aws2.omics.springboot;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import io.github.camelomics.aws2.omics.StartLedger;
import io.github.camelomics.aws2.omics.UploadLedger;
import io.github.camelomics.aws2.omics.UploadProgressListener;
import io.github.camelomics.aws2.omics.WatermarkStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.services.omics.OmicsClient;

/**
 * Configures the aws2-omics component from {@code camel.component.aws2-omics.*}: camel-spring-boot binds these only
 * for components that bring their own auto-configuration. Off with {@code camel.component.aws2-omics.enabled=false}
 * (or {@code camel.component.enabled=false}); the component then keeps its defaults.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, Omics2ComponentProperties.class })
@ConditionalOnHierarchicalProperties({ "camel.component", Omics2ComponentProperties.PREFIX })
public class Omics2ComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final Omics2ComponentProperties properties;

    public Omics2ComponentAutoConfiguration(ApplicationContext applicationContext, Omics2ComponentProperties properties) {
        this.applicationContext = applicationContext;
        this.properties = properties;
    }

    /**
     * Applied by Camel when it creates the component. Options go through the component's generated configurer, as
     * camel-main would set them, so a Spring property and a camel-main property of the same name mean the same.
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureOmics2Component() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(target.getCamelContext(), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof Omics2Component
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               Omics2ComponentProperties.PREFIX + ".customizer");
            }
        };
    }

    /**
     * Lets the object options (configuration, idempotentRepository, watermarkStore, omicsClient, dataSource,
     * requestBudget, startLedgerRepository, uploadLedger, progressListener) be given as {@code #bean:name}.
     */
    @Bean
    @ConfigurationPropertiesBinding
    static BeanReferenceConverter omics2BeanReferenceConverter(BeanFactory beanFactory) {
        return new BeanReferenceConverter(beanFactory, Omics2Configuration.class, IdempotentRepository.class,
                WatermarkStore.class, OmicsClient.class, DataSource.class, RequestBudget.class, StartLedger.class,
                UploadLedger.class, UploadProgressListener.class);
    }

    private void apply(CamelContext camelContext, Component component) {
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, properties);
        // switches of the auto-configuration itself, not options of the component
        options.remove("enabled");
        options.remove("customizer");
        // a whole configuration is the base the single options refine, so it must come first
        Object configuration = options.remove("configuration");
        if (configuration != null) {
            CamelPropertiesHelper.setCamelProperties(camelContext, component, new HashMap<>(Map.of("configuration", configuration)), true);
        }
        CamelPropertiesHelper.setCamelProperties(camelContext, component, options, true);
    }
}
