#!/bin/bash
#SBATCH --job-name=L50N512
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=32
#SBATCH --mem-per-cpu=8G
#SBATCH --time=48:00:00
#SBATCH --partition=regular
#SBATCH --output=slurm-%j.out

module purge
module load gcc/12.2.0 openmpi/4.1.5 gsl/2.7 fftw/3.3.10 hdf5/1.14.1

cd $SLURM_SUBMIT_DIR
srun ./Gadget2 param_L50N512.txt
