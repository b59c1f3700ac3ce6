/// What a transaction asks of the glue after one event, in the order to perform them.
///
/// A fixed-capacity list held inline (no heap allocation per event): no event produces more than
/// ``capacity`` actions. It is a `RandomAccessCollection`, so the glue iterates it; tests compare it with
/// an array literal.
///
/// ```swift
/// for action in transaction.receive(response: response, statusCode: 180) {
///     switch action { ... }
/// }
/// ```
public struct SIPTransactionActions<Element>: RandomAccessCollection {
    /// The most actions one event can produce (an INVITE client's first 3xx over UDP produces five).
    @inlinable public static var capacity: Int { 6 }

    @usableFromInline var first: Element?
    @usableFromInline var second: Element?
    @usableFromInline var third: Element?
    @usableFromInline var fourth: Element?
    @usableFromInline var fifth: Element?
    @usableFromInline var sixth: Element?
    @usableFromInline var storedCount = 0

    /// No actions.
    @inlinable public init() {}

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storedCount }

    @inlinable
    public subscript(position: Int) -> Element {
        let element: Element?
        switch position {
        case 0 where position < storedCount: element = first
        case 1 where position < storedCount: element = second
        case 2 where position < storedCount: element = third
        case 3 where position < storedCount: element = fourth
        case 4 where position < storedCount: element = fifth
        case 5 where position < storedCount: element = sixth
        default: element = nil
        }
        guard let element else { preconditionFailure("index \(position) out of range 0..<\(storedCount)") }
        return element
    }

    /// Appends an action. The machines never append more than ``capacity``; doing so is a programming error.
    @inlinable
    mutating func append(_ element: Element) {
        switch storedCount {
        case 0: first = element
        case 1: second = element
        case 2: third = element
        case 3: fourth = element
        case 4: fifth = element
        case 5: sixth = element
        default: preconditionFailure("more than \(Self.capacity) transaction actions")
        }
        storedCount += 1
    }
}

extension SIPTransactionActions: ExpressibleByArrayLiteral {
    @inlinable
    public init(arrayLiteral elements: Element...) {
        self.init()
        for element in elements { append(element) }
    }
}

extension SIPTransactionActions: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}

extension SIPTransactionActions: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension SIPTransactionActions: Sendable where Element: Sendable {}

extension SIPTransactionActions: CustomStringConvertible {
    public var description: String { "[" + map { String(describing: $0) }.joined(separator: ", ") + "]" }
}
