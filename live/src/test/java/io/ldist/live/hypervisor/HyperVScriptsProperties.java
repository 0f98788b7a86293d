package io.ldist.live.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the name, a script either refuses it or holds it only inside a literal of the safe alphabet. */
class HyperVScriptsProperties {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern LITERAL_CONTENT = Pattern.compile("[A-Za-z0-9 ._:\\\\-]*");
    private static final HyperVScripts SCRIPTS =
            new HyperVScripts(new HyperVLayout("D:\\ldist\\vms", 1024L * 1024 * 1024, "ldist switch"));

    @Provide
    Arbitrary<String> safeNames() {
        Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars("._-").ofMaxLength(99);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    /** Names seasoned with what would break out of a literal: quotes of every kind, '$', backtick, ';', newlines. */
    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.strings().alpha().numeric().withChars("._- '\"`$;()[]*?\n\r\t\u2018\u2019\u201A\u201B\u201C\u00e9")
                .ofMaxLength(40);
    }

    @Property(tries = 300)
    void safeNames_appearOnlyInsideSafeLiterals(@ForAll("safeNames") String name) {
        for (String script : scriptsFor(name)) {
            assertQuotesBalancedAndLiteralsSafe(script);
            assertThat(script).contains("$name = '" + name + "'\n");
            assertThat(script.chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
        }
    }

    @Property(tries = 500)
    void anyName_isRefusedUnlessItIsSafe(@ForAll("hostileNames") String name) {
        if (SAFE_NAME.matcher(name).matches()) {
            scriptsFor(name).forEach(HyperVScriptsProperties::assertQuotesBalancedAndLiteralsSafe);
        } else {
            assertThatThrownBy(() -> SCRIPTS.start(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SCRIPTS.stop(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SCRIPTS.remove(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SCRIPTS.move(name, "host")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VmSpec(name, 1, 1024L * 1024 * 1024, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 300)
    void anyDestinationHost_isRefusedOrQuotedSafely(@ForAll("hostileNames") String host) {
        String script;
        try {
            script = SCRIPTS.move("vm-1", host);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertQuotesBalancedAndLiteralsSafe(script);
        assertThat(script).contains("-DestinationHost '" + host + "'");
    }

    private static List<String> scriptsFor(String name) {
        return List.of(SCRIPTS.create(new VmSpec(name, 2, 2048L * 1024 * 1024, 0)), SCRIPTS.start(name),
                SCRIPTS.stop(name), SCRIPTS.remove(name), SCRIPTS.move(name, "ip-10-0-0-5.ec2.internal"));
    }

    /** Splitting at every single quote, the odd pieces are the literals: there must be whole pairs, all safe. */
    private static void assertQuotesBalancedAndLiteralsSafe(String script) {
        String[] pieces = script.split("'", -1);
        assertThat(pieces.length % 2).as("balanced single quotes").isEqualTo(1);
        for (int i = 1; i < pieces.length; i += 2) {
            assertThat(pieces[i]).as("literal").matches(LITERAL_CONTENT);
        }
        for (int i = 0; i < pieces.length; i += 2) {
            assertThat(pieces[i]).as("code outside literals").doesNotContain("\u2018", "\u2019", "\u201A", "\u201B",
                    "`");
        }
    }
}
