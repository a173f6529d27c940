package io.github.camelomics.aws2.omics.internal.client;

import java.util.function.Consumer;

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
        void problems(ClientSettings s, Consumer<String> problems) {
            keys(s, "useSessionCredentials=true", problems);
            if (s.sessionToken() == null) {
                problems.accept("useSessionCredentials=true needs option sessionToken, but it is not set");
            }
        }

        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.sessionToken()));
        }
    },
    STATIC_KEYS {
        @Override
        void problems(ClientSettings s, Consumer<String> problems) {
            keys(s, "static credentials", problems);
        }

        @Override
        AwsCredentialsProvider provider(ClientSettings s) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        }
    };

    /** The provider; the settings have no {@link #problems}. */
    abstract AwsCredentialsProvider provider(ClientSettings settings);

    /** What is missing for this kind of credentials, each problem naming the options to set. */
    void problems(ClientSettings settings, Consumer<String> problems) {
    }

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

    private static void keys(ClientSettings s, String what, Consumer<String> problems) {
        if (s.accessKey() == null || s.secretKey() == null) {
            problems.accept(what + " need options accessKey and secretKey, but "
                            + (s.accessKey() == null ? "accessKey" : "secretKey")
                            + " is not set (or set useDefaultCredentialsProvider=true, "
                            + "useProfileCredentialsProvider=true, or give an omicsClient)");
        }
    }
}
