package io.ldist.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ldist completion}: the shell completion script picocli generates from ldist's own commands and options. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  source <(ldist completion)",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done"},
        description = {"Print a bash/zsh completion script for ldist's commands and options.",
                "Use it in this shell with:",
                "  source <(ldist completion)",
                "and in every new one by adding that line to ~/.bashrc or ~/.zshrc (the script loads zsh's "
                        + "bashcompinit itself)."})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("ldist", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
