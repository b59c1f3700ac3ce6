import CastorCore
import CastorModel
import GRDB

/// Provisioning codes (six random digits per line, unique) and autoprov account names, drawn from the
/// kernel's CSPRNG and checked against what the file already holds.
enum ProvisioningCodes {
    /// A code no line has (nor any in `avoiding`: codes handed out in the same transaction).
    static func fresh(avoiding: Set<String> = [], _ db: Database) throws -> String {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let code = SecretGenerator.pin(length: 6, using: &rng)
            guard !avoiding.contains(code) else { continue }
            let taken =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM line WHERE provisioning_code = ?)", arguments: [code])
                ?? true
            if !taken { return code }
        }
        throw CastorError.conflict(field: "provisioning_code", reason: "no free provisioning code left")
    }

    /// `ap` and ten lowercase letters and digits, used by no line and no other device.
    static func freshAccountName(_ db: Database) throws -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyz23456789")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name = "ap" + String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            let taken =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM line WHERE username = ?)
                            OR EXISTS (SELECT 1 FROM device WHERE autoprov_username = ?)
                        """, arguments: [name, name]) ?? true
            if !taken { return name }
        }
        throw CastorError.conflict(field: "autoprov_username", reason: "no free autoprov account name left")
    }
}
