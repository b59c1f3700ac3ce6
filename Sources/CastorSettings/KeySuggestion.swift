/// The hint after `unknown key "prot" in api`: the closest known key when a typo explains it, else the
/// whole list, so the user never has to open the documentation to fix a key (STYLE.md habit 8).
enum KeySuggestion {
    /// A typo is at most two edits away; further than that, guessing misleads more than it helps.
    static let maximumDistance = 2

    /// `(did you mean "port"?)` or `(known keys: enabled, listen, port)`.
    static func hint(for name: String, among known: [String]) -> String {
        if let closest = closest(to: name, among: known) { return "(did you mean \"\(closest)\"?)" }
        return "(known keys: " + known.joined(separator: ", ") + ")"
    }

    /// The known name with the smallest edit distance, if it is within `maximumDistance`; ties go to the
    /// earlier name in the table. Case is ignored here (though not by the decoder), so `API` suggests `api`.
    static func closest(to name: String, among known: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= maximumDistance, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit, the
    /// commonest typo (`prot` for `port`).
    static func editDistance(_ source: String, _ target: String) -> Int {
        let a = Array(source.unicodeScalars)
        let b = Array(target.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, table[i - 2][j - 2] + 1)
                }
                table[i][j] = distance
            }
        }
        return table[a.count][b.count]
    }
}
