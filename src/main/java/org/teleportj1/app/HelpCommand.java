package org.teleportj1.app;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND...]}: the program's usage or a command's. Picocli's own help command brings
 * a {@code -h} of its own, which clashes with the inherited {@code --help}.
 */
@Command(name = "help", description = "this help, or a command's (help dead-letters replay)")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command")
    List<String> command = List.of();

    @Override
    public void run() {
        CommandLine target = spec.root().commandLine();
        for (String name : command) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(), "Unknown command '" + name + "'; commands: "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
