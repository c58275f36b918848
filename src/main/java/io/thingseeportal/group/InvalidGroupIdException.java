package io.thingseeportal.group;

/** The text or parts make no valid deployment group id; {@link #problem()} says why. */
public class InvalidGroupIdException extends IllegalArgumentException {

    private final GroupIdProblem problem;

    InvalidGroupIdException(GroupIdProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public GroupIdProblem problem() {
        return problem;
    }
}
