package io.ldist.live.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiSettingsTest {

    @Test
    void defaults_areLoopbackWithoutToken() {
        ApiSettings settings = ApiSettings.defaults();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(ApiSettings.DEFAULT_PORT);
        assertThat(settings.bearerToken()).isEmpty();
        assertThat(settings.maxBodyBytes()).isEqualTo(16 * 1024);
    }

    @Test
    void badValues_areRefusedWithWhatIsAllowed() {
        ApiSettings base = ApiSettings.defaults();

        assertThatThrownBy(() -> base.withHost(" ")).hasMessageContaining("api host must be an address");
        assertThatThrownBy(() -> base.withHost("http://x")).hasMessageContaining("without spaces, scheme or path");
        assertThatThrownBy(() -> base.withPort(70_000)).hasMessage("api port must be 0 (pick a free one) to 65535, got 70000");
        assertThatThrownBy(() -> base.withPort(-1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> base.withToken("short")).hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> base.withToken("has a space in the middle"))
                .hasMessageContaining("character 4 is not one");
        assertThatThrownBy(() -> base.withMaxBodyBytes(10)).hasMessage("api maxBodyBytes must be 64 to 1048576, got 10");
        assertThatThrownBy(() -> base.withDefaultLeaseS(Double.NaN)).hasMessageContaining("defaultLeaseS");
        assertThatThrownBy(() -> base.withDefaultLeaseS(0.0)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> base.withRetryAfterS(0)).hasMessageContaining("retryAfterS must be 1 to 3600");
        assertThatThrownBy(() -> base.withStopTimeoutMs(-1)).hasMessageContaining("stopTimeoutMs");
    }

    @Test
    void toString_neverShowsTheToken() {
        ApiSettings settings = ApiSettings.defaults().withToken("s3cret-token-0123456789abcdef");

        assertThat(settings.toString()).doesNotContain("s3cret").contains("token=(set)");
    }
}
