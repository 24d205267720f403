package org.teleportj1.delivery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every log line (with its stack trace) written while attached, as the operator's log file would hold it. */
public final class LogCapture extends AbstractAppender {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("test-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Attaches to the root logger, and turns our delivery loggers up to DEBUG so their detail is checked too. */
    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().addAppender(capture, Level.ALL, null);
        for (String name : List.of("org.teleportj1.jupiterone", "org.teleportj1.delivery", "org.teleportj1.deadletter")) {
            LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
            configuration.addLogger(name, logger);
        }
        context.updateLoggers();
        return capture;
    }

    public void detach() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                + event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }
}
