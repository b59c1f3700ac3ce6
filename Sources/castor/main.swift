print("castor")
