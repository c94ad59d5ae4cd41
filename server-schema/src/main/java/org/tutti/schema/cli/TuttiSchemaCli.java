package org.tutti.schema.cli;

import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code tutti-schema}: migrate and harden the database, check the hardening, write the demo school,
 * show what is there, set the passwords of the PostgreSQL login roles.
 * A subcommand is a {@code Callable<Integer>} with the {@link DatabaseOptions} mixin, listed below.
 * Failures print one line on stderr and exit with 1 (2 for a usage error); the stack trace is
 * logged at DEBUG only ({@code --debug}).
 */
@Command(name = "tutti-schema", mixinStandardHelpOptions = true, version = "tutti-schema 0.1.0",
        description = "Database tool of Tutti (PostgreSQL or H2).",
        subcommands = {MigrateCommand.class, HardenCommand.class, CheckCommand.class, SeedDemoCommand.class,
            InfoCommand.class, RolePasswordCommand.class,
            CommandLine.HelpCommand.class})
public final class TuttiSchemaCli implements Runnable {

    static final String NAME = "tutti-schema";
    static final String LOGBACK_CONFIGURATION = "tutti-schema-logback.xml";

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", description = "Log details, including stack traces of failures.")
    void debug(boolean debug) {
        if (debug && LoggerFactory.getLogger("org.tutti") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
    }

    public static void main(String[] args) {
        // Before any logger exists: the client module's logback.xml must not configure this tool.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with its one-line error handling; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TuttiSchemaCli());
        commandLine.setExecutionExceptionHandler(TuttiSchemaCli::executionFailed);
        commandLine.setParameterExceptionHandler(TuttiSchemaCli::usageError);
        return commandLine;
    }

    /** Runs the command line with the given output streams, for tests; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: migrate, harden, check, seed-demo, info or role-password");
    }

    private static int executionFailed(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        LoggerFactory.getLogger(TuttiSchemaCli.class).debug("{} failed", commandLine.getCommandName(), failure);
        String message = failure instanceof CliFailure ? failure.getMessage() : FailureMessages.describe(failure, null, null);
        commandLine.getErr().println(NAME + ": " + message);
        commandLine.getErr().flush();
        return 1;
    }

    private static int usageError(ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        String help = commandLine.getCommandSpec().qualifiedName() + " --help";
        String message = FailureMessages.firstLine(failure.getMessage());
        commandLine.getErr().println(NAME + ": " + message + " (see " + help + ")");
        commandLine.getErr().flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}
