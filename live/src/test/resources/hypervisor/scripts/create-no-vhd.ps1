$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
$name = 'web-01'
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
if ($vms.Count -eq 0) {
  New-VM -Name $name -Generation 2 -MemoryStartupBytes 4294967296 -Path 'C:\ldist\vms' -NoVHD | Out-Null
  try { Set-VMProcessor -VMName $name -Count 2 } catch { Remove-VM -Name $name -Force; throw }
  $vms = @(Get-VM -Name $name)
}
ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
