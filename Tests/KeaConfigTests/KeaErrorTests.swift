import Testing

@testable import KeaConfig

/// Every refusal names FILE:LINE:COL of the offending element, with Kea 2.2's words (checked with
/// `kea-dhcp4 -t` 2.2.0; where Kea gives no position we point at the element at fault).
@Suite("Kea configuration errors")
struct KeaErrorTests {
    static let subnet = #"{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/24", "#

    static let cases: [(text: String, expected: String)] = [
        // Grammar.
        (#"{"Dhcp6": {"valid-lifetime": 1}}"#, "f:1:2: syntax error, unexpected constant string, expecting Dhcp4"),
        (#"{"Dhcp4": {}}"#, "f:1:11: syntax error, unexpected }, expecting a parameter of the Dhcp4 map"),
        (#"{"Dhcp4": {"foo": 1}}"#, #"f:1:12: got unexpected keyword "foo" in Dhcp4 map."#),
        (
            #"{"Dhcp4": {"valid-lifetime": 100, "valid-lifetime": 200}}"#,
            "f:1:35: duplicate valid-lifetime entries in Dhcp4 map (previous at f:1:30)"
        ),
        (
            #"{"Dhcp4": {"valid-lifetime": "100"}}"#,
            "f:1:30: syntax error, unexpected constant string, expecting integer"
        ),
        (#"{"Dhcp4": {"valid-lifetime": 1e3}}"#, "f:1:30: syntax error, unexpected floating point, expecting integer"),
        (
            #"{"Dhcp4": {"authoritative": "true"}}"#,
            "f:1:29: syntax error, unexpected constant string, expecting boolean"
        ),
        (#"{"Dhcp4": {"t1-percent": 1}}"#, "f:1:26: syntax error, unexpected integer, expecting floating point"),
        (#"{"Dhcp4": {"valid-lifetime": -1}}"#, "f:1:30: valid-lifetime -1 is out of range 0..4294967295"),
        (
            #"{"Dhcp4": {"lease-database": {"type": "memfile", "comment": "x"}}}"#,
            #"f:1:50: got unexpected keyword "comment" in lease-database map."#
        ),
        (
            #"{"Dhcp4": {"lease-database": {"type": "mysql", "name": "kea"}}}"#,
            #"f:1:39: lease-database type "mysql" is not supported by castor (use "memfile")"#
        ),
        (
            #"{"Dhcp4": {"lease-database": {"type": "foo"}}}"#,
            "f:1:39: syntax error, unexpected constant string, expecting memfile or mysql or postgresql"
        ),
        (
            #"{"Dhcp4": {"interfaces-config": {"dhcp-socket-type": "tcp"}}}"#,
            "f:1:33: missing parameter 'interfaces' in interfaces-config map"
        ),
        (
            #"{"Dhcp4": {"interfaces-config": {"interfaces": [], "dhcp-socket-type": "tcp"}}}"#,
            "f:1:72: syntax error, unexpected constant string, expecting raw or udp"
        ),
        (#"{"Dhcp4": {"shared-networks": []}}"#, "f:1:12: shared-networks is not supported by castor"),
        (
            #"{"Dhcp4": {"renew-timer": 100, "rebind-timer": 50}}"#,
            "f:1:27: the value of renew-timer (100) is greater than the value of rebind-timer (50)"
        ),
        (
            #"{"Dhcp4": {"valid-lifetime": 10, "min-valid-lifetime": 100}}"#,
            "f:1:56: the value of min-valid-lifetime (100) is not less than (default) valid-lifetime (10)"
        ),
        (#"{"Dhcp4": {"next-server": "10.0.0"}}"#, "f:1:27: next-server: Failed to convert string to address '10.0.0'"),
        // Subnets and pools.
        (#"{"Dhcp4": {"subnet4": [{"id": 1}]}}"#, "f:1:24: missing parameter 'subnet' in subnet4 map"),
        (
            #"{"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24", "bogus": 1}]}}"#,
            #"f:1:50: got unexpected keyword "bogus" in subnet4 map."#
        ),
        (
            #"{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/33"}]}}"#,
            "f:1:44: subnet configuration failed: Invalid prefix length specified for subnet: 33"
        ),
        (
            #"{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0"}]}}"#,
            "f:1:44: subnet configuration failed: Invalid subnet syntax (prefix/len expected):10.0.0.0"
        ),
        (
            #"{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/24"}, {"id": 1, "subnet": "10.0.1.0/24"}]}}"#,
            "f:1:67: ID of the new IPv4 subnet '1' is already in use"
        ),
        (
            #"{"Dhcp4": {"subnet4": [{"subnet": "10.0.0.0/24"}, {"id": 1, "subnet": "10.0.1.0/24"}]}}"#,
            "f:1:58: ID of the new IPv4 subnet '1' is already in use"
        ),
        (
            #"{"Dhcp4": {"subnet4": [{"id": 1, "subnet": "10.0.0.0/24"}, {"id": 2, "subnet": "10.0.0.0/24"}]}}"#,
            "f:1:80: subnet with the prefix of '10.0.0.0/24' already exists"
        ),
        (
            subnet + #""pools": [{"pool": "10.0.1.10 - 10.0.1.20"}]}]}}"#,
            "f:1:78: subnet configuration failed: a pool of type V4, with the following address range:"
                + " 10.0.1.10-10.0.1.20 does not match the prefix of a subnet: 10.0.0.0/24 to which it is being added"
        ),
        (
            subnet + #""pools": [{"pool": "10.0.0.10 - 10.0.0.20"}, {"pool": "10.0.0.15/30"}]}]}}"#,
            "f:1:113: subnet configuration failed: a pool of type V4, with the following address range:"
                + " 10.0.0.15-10.0.0.15 overlaps with an existing pool in the subnet: 10.0.0.0/24 to which it is"
                + " being added"
        ),
        (
            subnet + #""pools": [{"pool": "10.0.0.30 - 10.0.0.20"}]}]}}"#,
            "f:1:78: Failed to create pool defined by: 10.0.0.30-10.0.0.20"
        ),
        (
            subnet + #""pools": [{"pool": "garbage"}]}]}}"#,
            "f:1:78: invalid pool definition: garbage. There are two acceptable formats <min address-max address>"
                + " or <prefix/len>"
        ),
        (subnet + #""pools": [{}]}]}}"#, "f:1:69: syntax error, unexpected }, expecting a parameter of the pools map"),
        // Reservations.
        (
            subnet + #""reservations": [{"hw-address": "00:04:13:aa:bb:01", "client-id": "01"}]}]}}"#,
            "f:1:112: the 'hw-address' and 'client-id' are mutually exclusive"
        ),
        (
            subnet + #""reservations": [{"ip-address": "10.0.0.5"}]}]}}"#,
            "f:1:76: one of the supported identifiers must be specified for host reservation: circuit-id,"
                + " client-id, duid, flex-id, hw-address"
        ),
        (
            subnet + #""reservations": [{"hw-address": "00-04-13-aa-bb-01"}]}]}}"#,
            "f:1:91: invalid host identifier value '00-04-13-aa-bb-01'"
        ),
        (
            subnet
                + #""reservations": [{"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.0.0.5"}, "#
                + #"{"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.0.0.6"}]}]}}"#,
            "f:1:154: failed to add new host using the HW address '00:04:13:aa:bb:01' to the IPv4 subnet id '1' as"
                + " this host has already been added"
        ),
        (
            subnet
                + #""reservations": [{"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.0.0.5"}, "#
                + #"{"hw-address": "00:04:13:aa:bb:02", "ip-address": "10.0.0.5"}]}]}}"#,
            "f:1:189: failed to add new host using the HW address '00:04:13:aa:bb:02' to the IPv4 subnet id '1' for"
                + " the address 10.0.0.5: There's already a reservation for this address"
        ),
        (
            subnet + #""reservations": [{"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.0.1.5"}]}]}}"#,
            "f:1:126: specified reservation '10.0.1.5' is not within the IPv4 subnet '10.0.0.0/24'"
        ),
        (
            subnet + #""reservations": [{"hw-address": "00:04:13:aa:bb:01", "ip-address": "0.0.0.0"}]}]}}"#,
            "f:1:126: must not make reservation for the '0.0.0.0' address"
        ),
        // Options.
        (
            #"{"Dhcp4": {"option-data": [{"name": "cisco-tftp", "data": "1.2.3.4"}]}}"#,
            "f:1:37: definition for the option 'dhcp4.cisco-tftp' having code '0' does not exist"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"code": 150, "data": "1.2.3.4"}]}}"#,
            "f:1:37: definition for the option 'dhcp4.' having code '150' does not exist"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "tftp-server-name", "data": ""}]}}"#,
            "f:1:65: option data does not match option definition (space: dhcp4, code: 66): no option value specified"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "tftp-server-name"}]}}"#,
            "f:1:28: option data does not match option definition (space: dhcp4, code: 66): no option value specified"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "tftp-server-name", "code": 67, "data": "x"}]}}"#,
            "f:1:37: specified option name 'tftp-server-name' does not match the option definition:"
                + " 'dhcp4.boot-file-name'"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "routers", "data": "10.0.0.300"}]}}"#,
            "f:1:56: option data does not match option definition (space: dhcp4, code: 3): Failed to convert string"
                + " to address '10.0.0.300': Invalid argument"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"code": 66, "data": "zz", "csv-format": false}]}}"#,
            "f:1:49: option data is not a valid string of hexadecimal digits: zz"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"data": "zz"}]}}"#,
            "f:1:28: option data configuration requires one of 'code' or 'name' parameters to be specified"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "time-offset", "data": "99999999999"}]}}"#,
            "f:1:60: option data does not match option definition (space: dhcp4, code: 2): unable to convert"
                + " '99999999999' to numeric type. This value is expected to be in the range of -2147483648..2147483647"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "subnet-mask", "data": "ff00", "csv-format": false}]}}"#,
            "f:1:60: option data does not match option definition (space: dhcp4, code: 1): option buffer truncated"
        ),
        (
            #"{"Dhcp4": {"option-data": [{"name": "tftp-server-name", "data": "x", "csv-format": "true"}]}}"#,
            "f:1:84: syntax error, unexpected constant string, expecting boolean"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "foo", "code": 66, "type": "string"}]}}"#,
            "f:1:27: unable to override definition of option '66' in standard option space 'dhcp4'"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "routers", "code": 150, "type": "string"}]}}"#,
            "f:1:27: unable to override definition of option 'routers' in standard option space 'dhcp4'"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 150, "type": "string"}, {"name": "a", "code": 151, "type": "string"}]}}"#,
            "f:1:73: option definition with name 'a' already exists in option space 'dhcp4'"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 150, "type": "strin"}]}}"#,
            "f:1:62: option type 'strin' not supported."
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 150}]}}"#,
            "f:1:27: missing parameter 'type' in option-def map"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 0, "type": "string"}]}}"#,
            "f:1:49: invalid option code '0': reserved for PAD"
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 150, "type": "string", "array": true}]}}"#,
            "f:1:27: array of strings is not a valid option definition."
        ),
        (
            #"{"Dhcp4": {"option-def": [{"name": "a", "code": 150, "type": "record", "record-types": "uint8"}]}}"#,
            "f:1:27: invalid number of data fields: 1 specified for the option of type 'record'. Expected at least"
                + " 2 fields."
        ),
        // Classes.
        (
            #"{"Dhcp4": {"client-classes": [{"name": "a"}, {"name": "a"}]}}"#,
            "f:1:55: Can't add class: Client Class: a has already been defined"
        ),
        (
            #"{"Dhcp4": {"client-classes": [{"test": "member('a')"}]}}"#,
            "f:1:31: missing parameter 'name' in client-classes map"
        ),
        (
            #"{"Dhcp4": {"client-classes": [{"name": "a", "foo": 1}]}}"#,
            #"f:1:45: got unexpected keyword "foo" in client-classes map."#
        ),
        // JSON itself.
        (
            "{\"Dhcp4\": {\n  \"valid-lifetime\": 10 10}}",
            "f:2:24: unexpected character '1', expected ',' or '}' after \"valid-lifetime\"'s value"
        ),
        ("{\"Dhcp4\": {/* never closed", "f:1:12: unterminated /* comment"),
    ]

    @Test(arguments: cases)
    func refusesWithPosition(text: String, expected: String) {
        let error = Kea.failure(text)
        #expect(error?.description == expected)
    }

    @Test func errorsCarryTheirParts() throws {
        let error = try #require(Kea.failure("{\"Dhcp4\": {\n\n    \"foo\": 1}}"))
        #expect(error.file == "f" && error.line == 3 && error.column == 5)
        #expect(error.message == #"got unexpected keyword "foo" in Dhcp4 map."#)
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        #expect(throws: KeaConfigError.self) { try KeaDHCP4Config.load(path: "/nonexistent/kea-dhcp4.conf") }
    }
}
