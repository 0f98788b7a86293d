package io.ldist.live.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {
    /** Without moto the AWS tests must fail, saying how to install it: a skip would pass a build that tested nothing. */
    @Test
    void withoutMotoInstalled_startingFailsAndSaysHowToInstallIt(@TempDir Path repoWithoutMoto) {
        assertThatThrownBy(() -> MotoServer.start(repoWithoutMoto)).isInstanceOf(IllegalStateException.class)
                .hasMessage(MotoServer.NOT_INSTALLED)
                .hasRootCauseMessage(repoWithoutMoto.resolve(".venv-moto/bin/moto_server").toString());
    }
}
