$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
$name = 'web-01'
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
foreach ($vm in $vms) {
  if ($vm.State -ne 'Off' -and $vm.State -ne 'Saved') { Stop-VM -VM $vm -TurnOff -Force }
  Remove-VM -VM $vm -Force
}
$folder = 'D:\ldist\vms\web-01'
if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force }
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
