print("reportcli")
