/// A test precondition that did not hold (a peer that did not start, a reply that never came).
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
