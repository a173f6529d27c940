package io.github.camelomics.aws2.omics.client;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The one decision table for credentials, checked in this order: the first whose switch is on wins. It replaces the
 * class-per-credential-kind clients of the older Camel AWS2 components.
 */
enum CredentialsSource {
    DEFAULT_CHAIN {
        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            return DefaultCredentialsProvider.builder().build();
        }
    },
    PROFILE {
        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            return s.profileCredentialsName() == null
                    ? ProfileCredentialsProvider.create()
                    : ProfileCredentialsProvider.create(s.profileCredentialsName());
        }
    },
    SESSION {
        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            requireKeys(s, "useSessionCredentials=true");
            if (s.sessionToken() == null) {
                throw new IllegalArgumentException(
                        "aws2-omics: useSessionCredentials=true needs option sessionToken, but it is not set");
            }
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.sessionToken()));
        }
    },
    STATIC_KEYS {
        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            requireKeys(s, "static credentials");
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        }
    };

    abstract AwsCredentialsProvider provider(ClientSettings settings);

    static CredentialsSource of(ClientSettings s) {
        if (s.useDefaultCredentialsProvider()) {
            return DEFAULT_CHAIN;
        }
        if (s.useProfileCredentialsProvider()) {
            return PROFILE;
        }
        if (s.useSessionCredentials()) {
            return SESSION;
        }
        return STATIC_KEYS;
    }

    private static void requireKeys(ClientSettings s, String what) {
        if (s.accessKey() == null || s.secretKey() == null) {
            throw new IllegalArgumentException("aws2-omics: " + what + " need options accessKey and secretKey, but "
                                               + (s.accessKey() == null ? "accessKey" : "secretKey")
                                               + " is not set (or set useDefaultCredentialsProvider=true, "
                                               + "useProfileCredentialsProvider=true, or give an omicsClient)");
        }
    }
}
