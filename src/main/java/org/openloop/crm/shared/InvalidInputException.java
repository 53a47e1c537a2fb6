package org.openloop.crm.shared;

import java.util.List;

/**
 * Input that breaks declared rules on one or more fields which bean validation cannot know in advance (custom
 * fields, for example). Answers 400 with one entry per field in {@code errors}, like bean validation; forms show
 * each message next to its field.
 */
public class InvalidInputException extends RuntimeException {

    /** One refused field: the message key is resolved in the user's language with the arguments. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {

        public FieldProblem {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }

        public static FieldProblem of(String field, String messageKey, Object... arguments) {
            return new FieldProblem(field, messageKey, List.of(arguments));
        }
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
