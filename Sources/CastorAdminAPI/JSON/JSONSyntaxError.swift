/// Why a request body is not JSON, and where: `line 3, column 14: expected ',' or '}' after an object member`.
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var reason: String

    var description: String { "line \(line), column \(column): \(reason)" }
}
