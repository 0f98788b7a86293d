$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
$name = 'web-01'
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
foreach ($vm in $vms) {
  Move-VM -VM $vm -DestinationHost 'ip-10-0-1-17.ec2.internal' -IncludeStorage -DestinationStoragePath 'D:\ldist\vms\web-01' | Out-Null
}
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
