package org.teleportj1.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception out of a command: one line on stderr (the stack trace only with --verbose);
 * exit 2 for a configuration error, else 1.
 */
final class CommandFailure implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        ConfigurationException configuration = StartupFailure.configurationCause(failure);
        if (configuration != null) {
            command.getErr().println(configuration.getMessage());
            return TeleportJupiterOne.CONFIGURATION_ERROR;
        }
        command.getErr().println(command.getCommandName() + ": " + StartupFailure.oneLine(failure));
        if (TeleportJupiterOne.verbose(command.getCommandSpec())) {
            failure.printStackTrace(command.getErr());
        }
        return TeleportJupiterOne.SYNC_FAILED;
    }
}
