package org.teleportj1.graph;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One role or user name pattern from a Teleport role, with Teleport's matching semantics: a value
 * enclosed in {@code ^...$} is a regular expression; anything else is a glob where {@code *}
 * matches any run of characters and everything else is literal. Template values such as
 * {@code {{external.groups}}} depend on a user's traits and cannot be expanded here.
 */
public final class RolePattern {
    private final String text;
    private final Pattern regex;
    private final boolean expandable;

    private RolePattern(String text, Pattern regex, boolean expandable) {
        this.text = text;
        this.regex = regex;
        this.expandable = expandable;
    }

    public static RolePattern of(String text) {
        String value = text == null ? "" : text;
        if (value.contains("{{")) {
            return new RolePattern(value, null, false);
        }
        try {
            if (value.length() >= 2 && value.startsWith("^") && value.endsWith("$")) {
                return new RolePattern(value, Pattern.compile(value), true);
            }
            return new RolePattern(value, Pattern.compile(glob(value)), true);
        } catch (PatternSyntaxException e) {
            return new RolePattern(value, null, false);
        }
    }

    /** The pattern as written in the role. */
    public String text() {
        return text;
    }

    /** False for templates and invalid regular expressions: they match nothing here. */
    public boolean expandable() {
        return expandable;
    }

    public boolean matches(String name) {
        return regex != null && regex.matcher(name).matches();
    }

    /**
     * What every name this pattern matches starts with ("" when that cannot be told, e.g. a
     * leading wildcard, an alternation or a group): the glob up to its first {@code *}, or the
     * plain characters after a regex's {@code ^} up to the first special one (less the last
     * character when a quantifier that allows none of it follows).
     */
    public String literalPrefix() {
        if (regex == null) {
            return "";
        }
        boolean isRegex = text.length() >= 2 && text.startsWith("^") && text.endsWith("$");
        if (!isRegex) {
            int star = text.indexOf('*');
            return star < 0 ? text : text.substring(0, star);
        }
        if (text.indexOf('|') >= 0) {
            return "";
        }
        int end = 1;
        while (end < text.length() - 1 && ".[]{}()*+?^$|\\".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String prefix = text.substring(1, end);
        char next = text.charAt(end);
        if (!prefix.isEmpty() && (next == '*' || next == '?' || next == '{')) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }

    private static String glob(String value) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = value.indexOf('*'); star >= 0; star = value.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(value.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < value.length()) {
            regex.append(Pattern.quote(value.substring(start)));
        }
        return regex.toString();
    }
}
