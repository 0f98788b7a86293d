package io.ldist.live.cloud;

import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one SDK call (its retries are the SDK's) and turns what it throws into a {@link CloudException}. */
final class SdkCalls {
    private SdkCalls() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            AwsErrorDetails details = e.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String detail = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
            int attempts = attempts(e);
            throw new CloudException(operation, operation + " failed: " + (code == null ? "error" : code)
                    + " (HTTP " + e.statusCode() + ", " + attemptsText(attempts) + "): " + detail,
                    code, e.statusCode(), e.isThrottlingException(), attempts, e);
        } catch (SdkException e) {
            int attempts = attempts(e);
            throw new CloudException(operation, operation + " failed (" + attemptsText(attempts) + "): "
                    + e.getMessage(), null, 0, false, attempts, e);
        }
    }

    static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    private static int attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n == null ? 0 : n;
    }

    private static String attemptsText(int attempts) {
        return attempts == 0 ? "attempts unknown" : attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}
