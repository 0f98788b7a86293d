package io.ldist.live.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token rules: required off loopback (checked at start), and once set, checked on every route but /healthz. */
class ApiAuthTest {

    private static final String TOKEN = "s3cret-token-0123456789abcdef";

    @Test
    void anyAddressWithoutToken_isRefusedAtStartAndBindsNothing() {
        DistributorApi api = new DistributorApi(FakeDistributor.small(),
                ApiSettings.loopbackOnFreePort().withHost("0.0.0.0"));

        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("not a loopback address, without a token");
        assertThat(api.isRunning()).isFalse();
    }

    @Test
    void hostThatDoesNotResolve_isRefusedAtStart() {
        DistributorApi api = new DistributorApi(FakeDistributor.small(),
                ApiSettings.loopbackOnFreePort().withHost("no-such-host.invalid"));

        assertThatThrownBy(api::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api host 'no-such-host.invalid' does not resolve to an address");
    }

    @Test
    void portInUse_isRefusedWithTheAddress() {
        try (DistributorApi first = new DistributorApi(FakeDistributor.small(), ApiSettings.loopbackOnFreePort())
                .start()) {
            DistributorApi second = new DistributorApi(FakeDistributor.small(),
                    ApiSettings.loopbackOnFreePort().withPort(first.port()));

            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the API could not listen on 127.0.0.1:" + first.port());
            assertThat(second.isRunning()).isFalse();
        }
    }

    @Test
    void tokenOnLoopback_missingOrWrongIs401WithChallenge_rightPasses_healthzOpen() {
        FakeDistributor distributor = FakeDistributor.small();
        try (DistributorApi api = new DistributorApi(distributor,
                ApiSettings.loopbackOnFreePort().withToken(TOKEN)).start()) {
            TestClient none = new TestClient(api.uri(), null);
            TestClient wrong = new TestClient(api.uri(), TOKEN.substring(1) + "x");
            TestClient right = new TestClient(api.uri(), TOKEN);

            TestClient.Answer missing = none.post("/tasks", "{\"cpuMips\": 1}");
            TestClient.Answer bad = wrong.post("/tasks", "{\"cpuMips\": 1}");

            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ldist\"");
            assertThat(missing.json().get("error").asText()).contains("Authorization: Bearer <token>");
            assertThat(bad.status()).isEqualTo(401);
            assertThat(bad.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ldist\", error=\"invalid_token\"");
            assertThat(bad.json().get("error").asText()).isEqualTo("the bearer token is not the API's");
            assertThat(distributor.accepted()).isEmpty();
            for (String path : new String[] {"/cluster", "/plan", "/metrics", "/tasks/t-1", "/nope"}) {
                assertThat(none.get(path).status()).as(path).isEqualTo(401);
            }
            assertThat(none.get("/healthz").status()).isEqualTo(200);
            assertThat(right.post("/tasks", "{\"cpuMips\": 1}").status()).isEqualTo(201);
            assertThat(right.get("/metrics").status()).isEqualTo(200);
        }
    }

    @Test
    void otherSchemeOrEmptyBearer_is401() {
        try (DistributorApi api = new DistributorApi(FakeDistributor.small(),
                ApiSettings.loopbackOnFreePort().withToken(TOKEN)).start()) {
            TestClient client = new TestClient(api.uri(), null);

            TestClient.Answer basic = client.send(client.request("/cluster").header("Authorization", "Basic " + TOKEN));
            TestClient.Answer empty = client.send(client.request("/cluster").header("Authorization", "Bearer "));
            TestClient.Answer lowercase = client.send(client.request("/cluster")
                    .header("Authorization", "bearer " + TOKEN));

            assertThat(basic.status()).isEqualTo(401);
            assertThat(basic.json().get("error").asText()).isEqualTo("the Authorization header must be 'Bearer <token>'");
            assertThat(empty.status()).isEqualTo(401);
            assertThat(lowercase.status()).isEqualTo(200);
        }
    }

    @Test
    void bearerAuth_comparesWholeTokens() {
        BearerAuth auth = new BearerAuth(TOKEN);

        assertThat(auth.refusal("Bearer " + TOKEN)).isNull();
        assertThat(auth.refusal("Bearer " + TOKEN + "a")).isNotNull();
        assertThat(auth.refusal("Bearer " + TOKEN.substring(0, TOKEN.length() - 1))).isNotNull();
        assertThat(auth.refusal(null)).isNotNull();
    }
}
