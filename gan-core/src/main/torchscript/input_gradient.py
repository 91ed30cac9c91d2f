"""Writes gan-core's resource io/gan4j/core/engine/input-gradient.pt: torch.autograd.grad as a
TorchScript module, which DJL's PyTorch binding can run but does not expose (it offers backward
only). Made with Debian's python3-torch 1.13; DJL's libtorch 2.7.1 loads it.

    /usr/bin/python3 gan-core/src/main/torchscript/input_gradient.py \
        gan-core/src/main/resources/io/gan4j/core/engine/input-gradient.pt
"""
import sys
from typing import List

import torch


class InputGradient(torch.nn.Module):
    def forward(self, output: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        outputs: List[torch.Tensor] = [output.sum()]
        inputs: List[torch.Tensor] = [x]
        gradient = torch.autograd.grad(outputs, inputs, create_graph=True)[0]
        assert gradient is not None
        return gradient


if __name__ == "__main__":
    torch.jit.script(InputGradient()).save(sys.argv[1])
