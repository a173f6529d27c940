package io.github.camelomics.examples.springboot;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import org.apache.camel.CamelContext;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "aws" profile points the component at AWS HealthOmics from environment values. Routes do not start here, so
 * nothing is sent: the test only checks the configuration and that a producer starts with it.
 */
@ActiveProfiles("aws")
@SpringBootTest(properties = {
        "camel.main.auto-startup=false",
        "AWS_REGION=eu-west-1",
        "OMICS_SEQUENCE_STORE_ID=9876543210",
        "OMICS_ROLE_ARN=arn:aws:iam::210987654321:role/LabImport",
        "OMICS_SOURCE1=s3://my-lab/run7/R1.fastq.gz",
        "OMICS_SOURCE2=s3://my-lab/run7/R2.fastq.gz" })
class AwsProfileTest {

    @Autowired
    CamelContext camelContext;
    @Autowired
    ApplicationContext applicationContext;

    @Test
    void theComponentIsConfiguredForAwsAndNoEmulatorRuns() throws Exception {
        Omics2Configuration configuration = camelContext.getComponent("aws2-omics", Omics2Component.class).getConfiguration();

        assertEquals("eu-west-1", configuration.getRegion());
        assertEquals("9876543210", configuration.getSequenceStoreId());
        assertEquals("arn:aws:iam::210987654321:role/LabImport", configuration.getRoleArn());
        assertTrue(configuration.isUseDefaultCredentialsProvider());
        assertFalse(configuration.isOverrideEndpoint());
        assertTrue(configuration.isWaitForCompletion());
        assertEquals(30_000, configuration.getPollInterval());
        assertFalse(applicationContext.containsBean("omicsEmulator"));

        Producer producer = camelContext.getEndpoint("aws2-omics:startReadSetImportJob").createProducer();
        ServiceHelper.startService(producer);
        ServiceHelper.stopService(producer);
    }
}
