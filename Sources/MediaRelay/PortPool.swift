/// The relay's RTP/RTCP port pairs (an even port and the next), handed out round-robin: the next allocation
/// starts after the last pair taken, so a released pair rests while the rest of the range is used (stray
/// packets of the old call do not reach the next one at once), and is reused when the range wraps around.
struct PortPool {
    let firstPort: Int
    let pairCount: Int
    private var inUse: [Bool]
    private var cursor = 0

    init(firstPort: Int, pairCount: Int) {
        self.firstPort = firstPort
        self.pairCount = pairCount
        inUse = Array(repeating: false, count: pairCount)
    }

    var pairsInUse: Int { inUse.count { $0 } }

    /// Takes the first free pair, in round-robin order, that `open` can bind (it returns `nil` when the port
    /// is taken by another program, and the pool tries the next pair); `nil` when none can.
    mutating func claim<Sockets>(
        opening open: (_ rtpPort: Int) throws(MediaRelayError) -> Sockets?
    ) throws(MediaRelayError) -> (port: Int, sockets: Sockets)? {
        for step in 0..<pairCount {
            let pair = (cursor + step) % pairCount
            guard !inUse[pair] else { continue }
            let port = firstPort + 2 * pair
            if let sockets = try open(port) {
                inUse[pair] = true
                cursor = (pair + 1) % pairCount
                return (port, sockets)
            }
        }
        return nil
    }

    /// Frees the pair whose RTP port is `port`.
    mutating func release(_ port: Int) {
        let pair = (port - firstPort) / 2
        guard port >= firstPort, pair < pairCount else { return }
        inUse[pair] = false
    }
}
