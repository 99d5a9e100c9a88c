package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API error table of the support playbook (section 3), row by row: status, code and net error to category. */
class FailureClassifierTests {

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # status | net error                       | type                  | code                     | message                                              | category
            400      | -                               | invalid_request_error | -                        | Invalid value for 'model'                            | FIX_REQUEST
            400      | -                               | invalid_request_error | context_length_exceeded  | -                                                    | FIX_REQUEST
            422      | -                               | -                     | -                        | -                                                    | FIX_REQUEST
            401      | -                               | invalid_request_error | invalid_api_key          | Incorrect API key provided                           | FIX_ACCESS
            403      | -                               | -                     | unsupported_country_region_territory | -                                        | FIX_ACCESS
            403      | -                               | -                     | -                        | -                                                    | FIX_ACCESS
            404      | -                               | -                     | model_not_found          | -                                                    | CHECK_RESOURCE
            404      | -                               | -                     | -                        | -                                                    | CHECK_RESOURCE
            409      | -                               | -                     | -                        | -                                                    | RETRY_LATER
            429      | -                               | requests              | rate_limit_exceeded      | Rate limit reached for gpt-4.1                       | SLOW_OR_CHECK_QUOTA
            429      | -                               | insufficient_quota    | insufficient_quota       | You exceeded your current quota                      | SLOW_OR_CHECK_QUOTA
            429      | -                               | -                     | -                        | -                                                    | SLOW_OR_CHECK_QUOTA
            500      | -                               | server_error          | -                        | The server had an error processing your request      | RETRY_LATER
            503      | -                               | -                     | -                        | Slow Down                                            | RETRY_LATER
            502      | -                               | -                     | -                        | -                                                    | RETRY_LATER
            407      | -                               | -                     | -                        | -                                                    | NETWORK
            403      | -                               | -                     | -                        | Unusual activity has been detected from your device  | NETWORK
            0        | net::ERR_CONNECTION_REFUSED     | -                     | -                        | -                                                    | NETWORK
            0        | net::ERR_CERT_AUTHORITY_INVALID | -                     | -                        | -                                                    | NETWORK
            0        | net::ERR_NAME_NOT_RESOLVED      | -                     | -                        | -                                                    | NETWORK
            0        | net::ERR_BLOCKED_BY_CLIENT      | -                     | -                        | -                                                    | BROWSER
            0        | net::ERR_ABORTED                | -                     | -                        | -                                                    | BROWSER
            418      | -                               | -                     | -                        | -                                                    | FIX_REQUEST
            """)
    void theApiErrorTable(int status, String netError, String type, String code, String message, Category category) {
        ErrorDetail error = type == null && code == null && message == null ? null : new ErrorDetail(type, code, message, null);
        assertThat(FailureClassifier.classify(status, netError, error)).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> quota {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # type               | code                       | message                                                            | quota
            insufficient_quota   | insufficient_quota         | You exceeded your current quota, please check your plan and billing | true
            -                    | insufficient_quota         | -                                                                  | true
            insufficient_quota   | -                          | -                                                                  | true
            -                    | billing_hard_limit_reached | -                                                                  | true
            -                    | -                          | You exceeded your current quota                                    | true
            requests             | rate_limit_exceeded        | Rate limit reached for gpt-4.1 on requests per min (RPM)           | false
            tokens               | rate_limit_exceeded        | Rate limit reached on tokens per min (TPM)                         | false
            -                    | 429                        | exceeded token rate limit of your current AIServices S0 pricing tier | false
            -                    | -                          | -                                                                  | false
            """)
    void a429IsToldApartByItsCode(String type, String code, String message, boolean quota) {
        ErrorDetail error = type == null && code == null && message == null ? null : new ErrorDetail(type, code, message, null);
        assertThat(FailureClassifier.isQuota(error)).isEqualTo(quota);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # status | code                          | message                                                  | signal
            429      | insufficient_quota            | You exceeded your current quota                          | QUOTA_EXHAUSTED
            429      | -                             | You've made too many requests in 1 hour. Try again later. | QUOTA_EXHAUSTED
            401      | token_expired                 | -                                                        | SESSION_EXPIRED
            401      | -                             | Your authentication token has expired.                   | SESSION_EXPIRED
            403      | -                             | Unusual activity has been detected from your device.     | UNUSUAL_ACTIVITY
            403      | unsupported_country_region_territory | Country, region, or territory not supported       | REGION_UNSUPPORTED
            429      | rate_limit_exceeded           | Rate limit reached                                       | -
            500      | -                             | The server had an error                                  | -
            """)
    void errorBodiesThatAreSignals(int status, String code, String message, SignalType signal) {
        assertThat(FailureClassifier.signalOf(status, new ErrorDetail(null, code, message, null), "https://api.openai.com/v1"))
                .isEqualTo(signal);
    }
}
