$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
$vms = @(Get-VM)
ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
