extension DigestCredentials {
    /// The credentials a client sends in answer to `challenge` (RFC 7616 §3.4): with `qop=auth` when the
    /// challenge offers it (then `cnonce` and `nonceCount` are used), RFC 2069-style otherwise. For a future UAC
    /// and for tests of the registrar.
    ///
    /// ```swift
    /// let credentials = DigestCredentials(answering: challenge, username: "alice", password: "s3cret",
    ///                                     method: "REGISTER", uri: "sip:castor.lab", cnonce: "0a4f113b")
    /// request.headers["Authorization"] = credentials.headerValue
    /// ```
    public init(
        answering challenge: DigestChallenge, username: String, password: String, method: String, uri: String,
        cnonce: String, nonceCount: UInt32 = 1
    ) {
        let algorithm = challenge.algorithm
        let ha1 = Digest.ha1(username: username, realm: challenge.realm, password: password, algorithm: algorithm)
        let qop: String? = challenge.offersAuth ? "auth" : nil
        let sendsCnonce = qop != nil || algorithm.isSession
        let response = Digest.response(
            ha1: ha1, method: method, uri: uri, nonce: challenge.nonce, nonceCount: qop == nil ? nil : nonceCount,
            cnonce: sendsCnonce ? cnonce : nil, qop: qop, algorithm: algorithm)
        self.init(
            username: username, realm: challenge.realm, nonce: challenge.nonce, uri: uri, response: response,
            algorithm: algorithm, cnonce: sendsCnonce ? cnonce : nil, opaque: challenge.opaque, qop: qop,
            nonceCount: qop == nil ? nil : nonceCount)
    }
}
