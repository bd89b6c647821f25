import OpenStackKit

/// The text of a failed call, which says what a call cut short by its budget got done.
enum BudgetReport {
    static func describe(_ error: OpenStackError, budget: CallBudget, tool: String) -> String {
        if error.kind == .busy || !budget.isExhausted { return error.description }
        let finished = budget.finishedRequests
        let unfinished = budget.unfinishedRequests
        var text = "\(tool) ran out of its budget of \(budget.seconds) s (--call-timeout) before it had every answer from OpenStack."
        text += " Finished: \(finished.isEmpty ? "nothing" : finished.joined(separator: ", "))."
        text += " Not finished: \(unfinished.isEmpty ? error.service + " " + error.method + " " + error.url : unfinished.joined(separator: ", "))."
        text += " Last error: \(error.description)"
        return text
    }
}
