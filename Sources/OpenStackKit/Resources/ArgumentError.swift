import Foundation

/// An argument the caller can fix: its name and what is wrong, with the values allowed.
public struct ArgumentError: Error, CustomStringConvertible, Sendable {
    public var argument: String
    public var problem: String

    public init(argument: String, problem: String) {
        self.argument = argument
        self.problem = problem
    }

    public var description: String { "Invalid argument '\(argument)': \(problem)" }
}
