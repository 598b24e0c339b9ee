// SlipsCore
