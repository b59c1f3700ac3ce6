import Testing

@testable import CastorSettings

@Suite("Key suggestions")
struct KeySuggestionTests {
    @Test(
        "edit distance counts a swap of neighbours as one edit",
        arguments: [
            ("port", "port", 0), ("prot", "port", 1), ("pot", "port", 1), ("portt", "port", 1),
            ("prto", "port", 2), ("", "port", 4), ("listen", "", 6), ("colour", "port", 5),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(KeySuggestion.editDistance(a, b) == expected)
        #expect(KeySuggestion.editDistance(b, a) == expected)
    }

    @Test("the closest key within two edits, ties to the table's order")
    func closest() {
        #expect(KeySuggestion.closest(to: "lisen", among: ["enabled", "listen", "port"]) == "listen")
        #expect(KeySuggestion.closest(to: "xyz", among: ["enabled", "listen", "port"]) == nil)
        #expect(KeySuggestion.closest(to: "ab", among: ["ax", "ay"]) == "ax")
    }
}
